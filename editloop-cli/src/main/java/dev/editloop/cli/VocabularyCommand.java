package dev.editloop.cli;

import dev.editloop.embedded.Vocabulary;
import dev.editloop.embedded.heuristic.LanguageCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code editloop vocabulary}: lists what the offline backends understand, the classic editor's operations by family
 * and the heuristic thinker's concepts, with examples taken from the backends' own tables.
 */
@Command(
        name = "vocabulary",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "List what the offline backends understand: the classic editor's operations, grouped by family, each"
                    + " with instructions it carries out as written; and the heuristic thinker's concepts (moods,"
                    + " looks, eras), each with requests it recognises and turns into the editor's operations.",
            "The examples come from the backends themselves: each one works as printed."
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop vocabulary",
            "  ./editloop vocabulary editor",
            "  ./editloop vocabulary thinker"
        })
final class VocabularyCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Which part to list. */
    enum Part {
        all,
        editor,
        thinker
    }

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PART",
            defaultValue = "all",
            description = "editor, thinker or all (default: ${DEFAULT-VALUE}).")
    Part part;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (part != Part.thinker) {
            editor(out);
        }
        if (part == Part.all) {
            out.println();
        }
        if (part != Part.editor) {
            thinker(out);
        }
        out.println();
        out.println("Both read English: " + LanguageCheck.ANSWER + ".");
        out.flush();
        return Main.OK;
    }

    private static void editor(PrintWriter out) {
        out.println("CLASSIC EDITOR (--editor embedded): concrete operations, carried out literally");
        wrap(
                out,
                "",
                "Amounts: \"by 30%\", \"slightly\" (10%), no amount (25%), \"a lot\" (50%), \"very\" (75%)."
                        + " Join several with \"then\", \"and\", \";\" or commas.");
        for (Vocabulary.Family family : Vocabulary.classicFamilies()) {
            out.println();
            wrap(out, "  ", family.name() + ": " + family.summary());
            for (String example : family.examples()) {
                out.println("    " + example);
            }
        }
        out.println();
        wrap(
                out,
                "  ",
                "Anything else (a mood, a season, a named thing to add or replace) is left unchanged and named in the"
                        + " edit's notes.");
    }

    private static void thinker(PrintWriter out) {
        List<Vocabulary.ConceptEntry> concepts = Vocabulary.thinkerConcepts();
        out.println("HEURISTIC THINKER (--thinker embedded): " + concepts.size()
                + " concepts, turned into the editor's operations");
        for (Vocabulary.ConceptEntry concept : concepts) {
            out.println();
            wrap(
                    out,
                    "  ",
                    concept.title().toLowerCase(Locale.ROOT) + " (" + concept.id() + "): " + concept.description());
            for (String example : concept.examples()) {
                out.println("    " + example);
            }
        }
        out.println();
        wrap(
                out,
                "  ",
                "Requests that need a named object generated or recognised (add a hat, replace the dog, anything"
                        + " about a person) are answered FAILED with the reason.");
    }

    /** Prints text wrapped at {@value #WIDTH} columns, continuation lines indented past the examples. */
    static void wrap(PrintWriter out, String indent, String text) {
        String continuation = indent.isEmpty() ? "" : indent + "      ";
        StringBuilder line = new StringBuilder(indent);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(continuation);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        out.println(line);
    }

    private static final int WIDTH = 100;
}
