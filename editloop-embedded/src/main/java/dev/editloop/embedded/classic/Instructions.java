package dev.editloop.embedded.classic;

import dev.editloop.embedded.op.Operation;
import dev.editloop.embedded.op.Operations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The classic editor's reading of an instruction: {@link InstructionParser}, then, for each clause it left, the
 * registered {@link Operation}s' own readers ({@link Operation#read}), so that an operation the parser's word tables
 * do not name yet is understood from its descriptor alone. Actions read this way follow the parser's.
 */
public final class Instructions {
    private Instructions() {}

    /**
     * Parses an instruction, its misspelt words read as {@link Spelling#read} reads them; see
     * {@link InstructionParser#parse}.
     */
    public static ParsedInstruction parse(String instruction) {
        return parseAsWritten(Spelling.read(instruction).text());
    }

    /** Parses an instruction word for word, misspellings included. */
    static ParsedInstruction parseAsWritten(String instruction) {
        ParsedInstruction parsed = InstructionParser.parse(instruction);
        if (parsed.notUnderstood().isEmpty()) {
            return parsed;
        }
        List<Action> actions = new ArrayList<>(parsed.actions());
        List<String> left = new ArrayList<>();
        for (String clause : parsed.notUnderstood()) {
            Optional<Action> read = read(clause);
            if (read.isPresent()) {
                actions.add(read.get());
            } else {
                left.add(clause);
            }
        }
        return left.size() == parsed.notUnderstood().size()
                ? parsed
                : new ParsedInstruction(actions, left, parsed.things());
    }

    private static Optional<Action> read(String clause) {
        for (Operation op : Operations.all()) {
            Optional<Action> action = op.read(clause);
            if (action.isPresent()) {
                return action;
            }
        }
        return Optional.empty();
    }
}
