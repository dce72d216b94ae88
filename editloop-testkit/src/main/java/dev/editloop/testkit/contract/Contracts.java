package dev.editloop.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.editloop.core.EditLoopException;

/** Checks the contracts share. */
final class Contracts {
    private Contracts() {}

    /** The describe() text of a port: not blank, one line, no secret. */
    static void describes(String described, String secret) {
        assertThat(described).as("describe()").isNotBlank().doesNotContain("\n");
        if (secret != null) {
            assertThat(described).as("describe() must not show the key").doesNotContain(secret);
        }
    }

    /**
     * A failing backend throws an EditLoopException (never an IOException, a vendor exception or a bare runtime
     * exception), whose one-line message names the backend and holds no secret.
     */
    static EditLoopException failsCleanly(Runnable call, String described, String secret) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown)
                .as("a failing backend throws one of EditLoop's exceptions")
                .isInstanceOf(EditLoopException.class);
        String message = thrown.getMessage();
        assertThat(message).as("the message").isNotBlank();
        String kind = kind(described);
        assertThat(message).as("the message names the backend").contains(kind);
        if (secret != null) {
            assertThat(message).as("the message must not show the key").doesNotContain(secret);
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage()))
                        .as("no cause shows the key")
                        .doesNotContain(secret);
            }
        }
        return (EditLoopException) thrown;
    }

    /** The kind at the start of a description: {@code openai-chat:http://…} → {@code openai-chat}. */
    static String kind(String described) {
        int end = described.length();
        for (char c : new char[] {':', '?', ' ', '('}) {
            int i = described.indexOf(c);
            if (i > 0 && i < end) {
                end = i;
            }
        }
        return described.substring(0, end);
    }
}
