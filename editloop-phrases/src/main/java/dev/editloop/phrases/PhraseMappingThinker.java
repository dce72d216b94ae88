package dev.editloop.phrases;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import java.util.Objects;

/**
 * A thinker that reads the user's request through a {@link PhraseMapper} first: when a clause of the request was
 * mapped to a phrase of the editor's vocabulary, the thinker underneath judges and plans against the mapped request,
 * and the reasoning starts with what was read as what (with the similarity). A request the mapper leaves as it is
 * reaches the thinker unchanged, so a must-decline request is declined exactly as without the mapper.
 */
public final class PhraseMappingThinker implements Thinker {
    private final Thinker delegate;
    private final PhraseMapper mapper;

    public PhraseMappingThinker(Thinker delegate, PhraseMapper mapper) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public Critique critique(CritiqueCall call) {
        PhraseMapper.Mapping m = mapper.map(call.originalInstruction());
        if (!m.changed()) {
            return delegate.critique(call);
        }
        Critique c = delegate.critique(new CritiqueCall(
                call.mode(),
                call.source(),
                call.edited(),
                m.mapped(),
                call.currentInstruction(),
                call.turn(),
                call.targetDescription(),
                call.seed(),
                call.references(),
                call.region(),
                call.preservation()));
        if (c.reasoning().isEmpty() && c.verdict() == dev.editloop.core.Verdict.INVALID) {
            return c;
        }
        return new Critique(
                c.semantic(),
                c.quality(),
                m.summary() + ".\n" + c.reasoning(),
                c.refinedInstruction(),
                c.verdict(),
                c.targetDescription(),
                c.raw(),
                c.usage(),
                c.region());
    }

    @Override
    public Plan plan(PlanCall call) {
        PhraseMapper.Mapping m = mapper.map(call.instruction());
        if (!m.changed()) {
            return delegate.plan(call);
        }
        Plan p = delegate.plan(new PlanCall(
                call.kind(), call.source(), m.mapped(), call.maxActions(), call.seed(), call.references()));
        return new Plan(
                p.instruction(),
                p.actions(),
                p.targetDescription(),
                m.summary() + ".\n" + p.reasoning(),
                p.raw(),
                p.usage(),
                p.verdict());
    }

    @Override
    public BackendIdentity identity() {
        return delegate.identity().with("phrases", "minilm@" + mapper.threshold());
    }

    @Override
    public String describe() {
        return identity().display();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
