package dev.editloop.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import java.util.List;

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
     * The identity of a port: built by the adapter (not the port's default, which reads describe() back), describe()
     * is its display, and no part of it (nor of its JSON in a trajectory) shows the key.
     */
    static void identifies(Object port, Class<?> portType, BackendIdentity identity, String described, String secret) {
        assertThat(identity).as("identity()").isNotNull();
        try {
            assertThat(port.getClass().getMethod("identity").getDeclaringClass())
                    .as("the adapter builds its own identity() instead of the port's default")
                    .isNotEqualTo(portType);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        assertThat(described).as("describe() is the identity's display").isEqualTo(identity.display());
        assertThat(identity.kind()).as("the identity's kind").isEqualTo(kind(described));
        if (secret != null) {
            String json = TrajectoryJson.toJson(new Trajectory(
                    Trajectory.SCHEMA_VERSION,
                    "x",
                    "single",
                    Trajectory.BackendRecord.of(identity),
                    Trajectory.BackendRecord.of(identity),
                    1,
                    null,
                    0,
                    Trajectory.SOURCE_IMAGE,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
            assertThat(json)
                    .as("the identity in trajectory.json must not show the key")
                    .doesNotContain(secret);
            assertThat(identity.toString()).doesNotContain(secret);
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
