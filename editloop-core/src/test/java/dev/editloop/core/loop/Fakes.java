package dev.editloop.core.loop;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.PlanKind;
import dev.editloop.core.RetriableException;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import java.awt.Color;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** Scripted test doubles for the loop's ports. */
final class Fakes {
    private Fakes() {}

    static Picture source() {
        return Picture.solid(8, 6, new Color(10, 20, 30));
    }

    /** An editor that brightens the image it gets by 10 per channel and records every call. */
    static final class RecordingEditor implements Editor {
        final List<EditCall> calls = new ArrayList<>();
        int failAtCall = -1;

        @Override
        public EditResult edit(EditCall call) {
            calls.add(call);
            if (calls.size() == failAtCall) {
                throw new RetriableException("editor at http://fake:1 timed out after 3 retries");
            }
            byte[] bgr = call.image().bgr();
            for (int i = 0; i < bgr.length; i++) {
                bgr[i] = (byte) Math.min(255, (bgr[i] & 0xff) + 10);
            }
            return EditResult.of(
                    Picture.ofBgr(call.image().width(), call.image().height(), bgr),
                    List.of("did: " + call.instruction()));
        }

        @Override
        public String describe() {
            return "fake-editor";
        }
    }

    /** A thinker that answers critiques from a script, in order, and records every call. */
    static final class ScriptedThinker implements Thinker {
        final Deque<Supplier<Critique>> script = new ArrayDeque<>();
        final List<CritiqueCall> calls = new ArrayList<>();
        final List<PlanCall> plans = new ArrayList<>();
        /** When set, a REWRITE plan declares the request impossible for this reason. */
        String rewriteFails;

        ScriptedThinker then(double sc, double pq, String refined) {
            script.add(() -> critique(sc, pq, refined, Verdict.REFINE));
            return this;
        }

        ScriptedThinker then(double sc, double pq, String refined, Verdict verdict) {
            script.add(() -> critique(sc, pq, refined, verdict));
            return this;
        }

        ScriptedThinker thenInvalid() {
            script.add(() -> Critique.invalid("no <score> tag found", "I think it looks fine", new Usage(10, 5)));
            return this;
        }

        ScriptedThinker thenThrow(RuntimeException e) {
            script.add(() -> {
                throw e;
            });
            return this;
        }

        @Override
        public Critique critique(CritiqueCall call) {
            calls.add(call);
            if (script.isEmpty()) {
                throw new AssertionError("thinker called more often than scripted (turn " + call.turn() + ")");
            }
            return script.poll().get();
        }

        @Override
        public Plan plan(PlanCall call) {
            plans.add(call);
            if (call.kind() == PlanKind.DESCRIBE_TARGET) {
                return new Plan(
                        call.instruction(), List.of(), "a brighter picture", "target", "raw-target", Usage.NONE);
            }
            if (rewriteFails != null) {
                return new Plan(
                        call.instruction(), List.of(), null, rewriteFails, "raw-plan", Usage.NONE, Verdict.FAILED);
            }
            return new Plan("rewritten: " + call.instruction(), List.of("a", "b"), null, "why", "raw-plan", Usage.NONE);
        }

        @Override
        public String describe() {
            return "fake-thinker";
        }

        static Critique critique(double sc, double pq, String refined, Verdict verdict) {
            return new Critique(
                    sc, pq, "reasoning " + sc + "/" + pq, refined, verdict, null, "raw", new Usage(100, 20));
        }
    }
}
