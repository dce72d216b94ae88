package dev.editloop.core.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a reply into tagged blocks ({@code <think>}, {@code <score>}, {@code <answer>}, …) and the text outside them,
 * tolerating missing closing tags (the next tag or the end of the text closes a block), a closing tag without its
 * opening tag (the text since the previous tag is its content, as when a chat template already opened
 * {@code <think>}), tag names in any case, and tags mentioned literally inside a properly closed block.
 */
final class TagScanner {

    /** The blocks a reply can hold. */
    enum Kind {
        THINK,
        SCORE,
        ANSWER,
        VERDICT,
        TARGET,
        JUDGEMENT
    }

    /** Tag names, lower case, and the block each opens. */
    static final Map<String, Kind> NAMES = Map.ofEntries(
            Map.entry("think", Kind.THINK),
            Map.entry("thinking", Kind.THINK),
            Map.entry("thought", Kind.THINK),
            Map.entry("reasoning", Kind.THINK),
            Map.entry("score", Kind.SCORE),
            Map.entry("scores", Kind.SCORE),
            Map.entry("answer", Kind.ANSWER),
            Map.entry("refined_instruction", Kind.ANSWER),
            Map.entry("corrected_instruction", Kind.ANSWER),
            Map.entry("rewritten_instruction", Kind.ANSWER),
            Map.entry("verdict", Kind.VERDICT),
            Map.entry("decision", Kind.VERDICT),
            Map.entry("target", Kind.TARGET),
            Map.entry("target_description", Kind.TARGET),
            Map.entry("judgement", Kind.JUDGEMENT),
            Map.entry("judgment", Kind.JUDGEMENT),
            Map.entry("evaluation", Kind.JUDGEMENT));

    private static final Pattern TAG = Pattern.compile("<\\s*+(/)?\\s*+([A-Za-z_]++)(?:\\s[^<>\\n]*+)?>");

    /**
     * One block.
     *
     * @param kind what it holds
     * @param content the text between its tags, untrimmed
     * @param closed whether its own closing tag ended it
     */
    record Block(Kind kind, String content, boolean closed) {}

    /**
     * The result of a scan.
     *
     * @param blocks the blocks in order of appearance
     * @param outside the text outside every block
     * @param openAtEnd the block the text ended inside of (no closing tag, nothing after it), or null
     * @param notes departures from well-formed tags, in short phrases
     */
    record Scan(List<Block> blocks, String outside, Kind openAtEnd, List<String> notes) {
        boolean has(Kind kind) {
            return blocks.stream().anyMatch(b -> b.kind() == kind);
        }

        List<Block> all(Kind kind) {
            return blocks.stream().filter(b -> b.kind() == kind).toList();
        }

        /** The last block of a kind whose content is not blank, else the last of that kind, else null. */
        Block last(Kind kind) {
            List<Block> list = all(kind);
            for (int i = list.size() - 1; i >= 0; i--) {
                if (!list.get(i).content().isBlank()) {
                    return list.get(i);
                }
            }
            return list.isEmpty() ? null : list.getLast();
        }
    }

    private record Token(Kind kind, String name, boolean closing, int start, int end) {}

    private TagScanner() {}

    static Scan scan(String text) {
        List<Token> tokens = tokens(text);
        boolean[] closedLater = closedLater(tokens);
        List<Block> blocks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        StringBuilder outside = new StringBuilder();
        int pos = 0;
        Token open = null;
        int openIndex = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (open == null) {
                if (!t.closing()) {
                    outside.append(text, pos, t.start());
                    open = t;
                    openIndex = i;
                } else {
                    String content = text.substring(pos, t.start());
                    if (!content.isBlank()) {
                        blocks.add(new Block(t.kind(), content, true));
                        notes.add("missing <" + t.name() + ">");
                    } else {
                        outside.append(content);
                    }
                    pos = t.end();
                }
                continue;
            }
            if (t.kind() == open.kind()) {
                blocks.add(new Block(open.kind(), text.substring(open.end(), t.start()), t.closing()));
                if (t.closing()) {
                    open = null;
                    pos = t.end();
                } else {
                    notes.add("missing </" + open.name() + ">");
                    open = t;
                    openIndex = i;
                }
                continue;
            }
            if (closedLater[openIndex]) {
                continue; // a tag mentioned inside a block that is properly closed further on
            }
            blocks.add(new Block(open.kind(), text.substring(open.end(), t.start()), false));
            if (t.closing()) {
                notes.add("<" + open.name() + "> closed by </" + t.name() + ">");
                open = null;
                pos = t.end();
            } else {
                notes.add("missing </" + open.name() + ">");
                open = t;
                openIndex = i;
            }
        }
        Kind openAtEnd = null;
        if (open != null) {
            blocks.add(new Block(open.kind(), text.substring(open.end()), false));
            notes.add("missing </" + open.name() + ">");
            openAtEnd = open.kind();
        } else {
            outside.append(text, pos, text.length());
        }
        return new Scan(List.copyOf(blocks), outside.toString(), openAtEnd, List.copyOf(notes));
    }

    /**
     * For each token: whether the next token of its kind is a closing tag, i.e. whether a block opened there is
     * properly closed before another block of its kind opens. One backward pass, so long replies stay linear.
     */
    private static boolean[] closedLater(List<Token> tokens) {
        boolean[] result = new boolean[tokens.size()];
        Map<Kind, Boolean> nextIsClosing = new EnumMap<>(Kind.class);
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            result[i] = nextIsClosing.getOrDefault(t.kind(), false);
            nextIsClosing.put(t.kind(), t.closing());
        }
        return result;
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            Kind kind = NAMES.get(name);
            if (kind != null) {
                tokens.add(new Token(kind, name, m.group(1) != null, m.start(), m.end()));
            }
        }
        return tokens;
    }
}
