package dev.editloop.phrases;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.EditorCapabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An editor that reads each instruction through a {@link PhraseMapper} first: the editor underneath receives the
 * mapped instruction when a clause was mapped, and the result's notes say what was read as what. Instructions in the
 * editor's own vocabulary (every refined instruction of the embedded thinker) pass unchanged.
 */
public final class PhraseMappingEditor implements Editor {
    private final Editor delegate;
    private final PhraseMapper mapper;

    public PhraseMappingEditor(Editor delegate, PhraseMapper mapper) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public EditResult edit(EditCall call) {
        PhraseMapper.Mapping m = mapper.map(call.instruction());
        if (!m.changed()) {
            return delegate.edit(call);
        }
        EditResult r = delegate.edit(
                new EditCall(call.image(), m.mapped(), call.seed(), call.mask(), call.options(), call.references()));
        List<String> notes = new ArrayList<>();
        notes.add(m.summary());
        notes.addAll(r.notes());
        return new EditResult(r.image(), notes, r.usage(), r.region(), r.unrepaired());
    }

    @Override
    public EditorCapabilities capabilities() {
        return delegate.capabilities();
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
