package dev.editloop.core.trajectory;

import dev.editloop.core.image.Picture;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Renders a run as one self-contained HTML page: a table of every turn's scores with the best turn marked, a large
 * before/after view of the source against the answer (a slider moves the divide), and a card per turn that wraps to
 * the window's width (no sideways scrolling) with its image, instruction, scores, verdict, the thinker's reasoning, the
 * instruction the next turn used (on the last turn, what was not tried and why the run stopped) and the editor's
 * notes. Images are embedded as JPEG data URIs and linked to the full-size files next to the page; the only script
 * moves the slider.
 */
public final class HtmlReport {
    private static final int PREVIEW_SIDE = 640;
    // the before/after view is the page's main picture: sharper than the cards
    private static final int COMPARE_SIDE = 1280;
    // a best-of-N candidate's small image
    private static final int CANDIDATE_SIDE = 200;

    private HtmlReport() {}

    /**
     * The page for a trajectory.
     *
     * @param images the run's pictures by file name; a missing one is shown as a placeholder
     */
    public static String render(Trajectory t, Function<String, Picture> images) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>EditLoop: ")
                .append(esc(t.instruction()))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style></head><body>\n");
        html.append("<header><h1>").append(esc(t.instruction())).append("</h1>\n<dl class=\"facts\">");
        fact(html, "strategy", t.strategy());
        t.strategyParams().forEach((name, value) -> fact(html, name.replace('_', ' '), value));
        long editorCalls = t.turns().stream()
                .mapToLong(r -> r.candidates().isEmpty() ? 1 : r.candidates().size())
                .sum();
        if (editorCalls > t.turns().size()) {
            fact(html, "editor calls", String.valueOf(editorCalls));
        }
        backend(html, "editor", t.editor());
        backend(html, "thinker", t.thinker());
        fact(
                html,
                "threshold",
                t.threshold() == null
                        ? ""
                        : t.threshold().rule() + " ≥ " + num(t.threshold().value()));
        fact(html, "turns", t.turns().size() + " of at most " + t.maxTurns());
        fact(html, "best turn", t.bestTurn() == null ? "none" : String.valueOf(t.bestTurn()));
        fact(html, "stop reason", t.stopReason() == null ? "running" : t.stopReason());
        fact(html, "seed", String.valueOf(t.seed()));
        if (t.region() != null) {
            fact(html, "region", t.region().description() + " (" + t.region().mask() + ": white may change)");
        }
        if (!t.references().isEmpty()) {
            fact(html, "references", String.join(", ", t.references()) + " (images 2 and on)");
        }
        html.append("</dl>");
        if (Boolean.FALSE.equals(t.accepted())) {
            html.append("<p class=\"error\">No edit was accepted")
                    .append(
                            t.accept() == null
                                    ? ""
                                    : " (the acceptance floor is " + t.accept().rule() + " ≥ "
                                            + num(t.accept().value()) + ")")
                    .append(": final.png is the unchanged source. Every turn is kept below.</p>");
        }
        if (t.error() != null) {
            html.append("<p class=\"error\">Error: ").append(esc(t.error())).append("</p>");
        }
        if (t.plan() != null) {
            html.append("<section class=\"plan\"><h2>Plan</h2>");
            if (t.plan().instruction() != null) {
                html.append("<p><b>Rewritten instruction:</b> ")
                        .append(esc(t.plan().instruction()))
                        .append("</p>");
            }
            if (t.plan().targetDescription() != null) {
                html.append("<p><b>Intended result:</b> ")
                        .append(esc(t.plan().targetDescription()))
                        .append("</p>");
            }
            if (t.plan().reasoning() != null && !t.plan().reasoning().isBlank()) {
                html.append("<pre>").append(esc(t.plan().reasoning())).append("</pre>");
            }
            html.append("</section>");
        }
        html.append("</header>\n<main>\n");
        scoreTable(html, t);
        beforeAfter(html, t, images);
        html.append(
                        "<section aria-labelledby=\"turns-title\"><h2 id=\"turns-title\" class=\"section\">Every turn</h2>\n")
                .append("<div class=\"strip\">\n");
        html.append("<article class=\"card\"><h3>Source</h3>");
        image(html, t.sourceImage(), "the source image", images, PREVIEW_SIDE);
        html.append("</article>\n");
        int last = t.turns().isEmpty() ? 0 : t.turns().getLast().index();
        for (Trajectory.TurnRecord turn : t.turns()) {
            boolean best = t.bestTurn() != null && t.bestTurn() == turn.index();
            html.append("<article class=\"card")
                    .append(best ? " best" : "")
                    .append("\" id=\"turn-")
                    .append(turn.index())
                    .append("\"><h3>Turn ")
                    .append(turn.index())
                    .append(best ? " <span class=\"badge\">best</span>" : "")
                    .append("</h3>");
            image(html, turn.image(), "the result of turn " + turn.index(), images, PREVIEW_SIDE);
            html.append("<p class=\"instr\">").append(esc(turn.instruction())).append("</p>");
            candidates(html, turn, images);
            html.append("<p class=\"meta\">edited ")
                    .append(turn.base())
                    .append(" · edit ")
                    .append(turn.timings().editMs())
                    .append(" ms · think ")
                    .append(turn.timings().thinkMs())
                    .append(" ms</p>");
            if (turn.region() != null) {
                var r = turn.region();
                html.append("<p class=\"meta\">outside the region: ΔE ")
                        .append(num(r.before().meanDeltaE()))
                        .append(" → ")
                        .append(num(r.after().meanDeltaE()))
                        .append(", SSIM ")
                        .append(String.format(
                                java.util.Locale.ROOT, "%.3f", r.before().ssim()))
                        .append(" → ")
                        .append(String.format(
                                java.util.Locale.ROOT, "%.3f", r.after().ssim()))
                        .append(" · ")
                        .append(esc(r.action().replace('_', ' ')))
                        .append(
                                turn.editorImage() == null
                                        ? ""
                                        : " · the editor's own result: " + link(turn.editorImage()))
                        .append("</p>");
            }
            Trajectory.CritiqueRecord c = turn.critique();
            if (c == null) {
                boolean cut = "cancelled".equals(t.stopReason()) || "deadline".equals(t.stopReason());
                html.append(
                        cut
                                ? "<p class=\"error\">no critique (the run stopped while the thinker worked)</p>"
                                : "<p class=\"error\">no critique (the thinker failed)</p>");
            } else {
                html.append("<p class=\"scores\">");
                if (c.semantic() != null) {
                    html.append("SC <b>")
                            .append(num(c.semantic()))
                            .append("</b> · PQ <b>")
                            .append(num(c.quality()))
                            .append("</b> · overall <b>")
                            .append(num(c.overall()))
                            .append("</b>");
                }
                html.append(" <span class=\"verdict ")
                        .append(esc(c.verdict()))
                        .append("\">")
                        .append(esc(c.verdict()))
                        .append("</span></p>");
                html.append("<details open><summary>Reasoning</summary><pre>")
                        .append(esc(c.reasoning()))
                        .append("</pre></details>");
                refined(html, t, turn, c, turn.index() == last);
            }
            if (!turn.editorNotes().isEmpty()) {
                html.append("<details><summary>Editor notes</summary><ul>");
                for (String note : turn.editorNotes()) {
                    html.append("<li>").append(esc(note)).append("</li>");
                }
                html.append("</ul></details>");
            }
            html.append("</article>\n");
        }
        html.append("</div></section>\n</main>\n<footer>EditLoop · trajectory.json holds the full record</footer>\n")
                .append(SCRIPT)
                .append("</body></html>\n");
        return html.toString();
    }

    /** A best-of-N turn's candidates: a small image, the seed and the scores of each, the kept one marked. */
    private static void candidates(StringBuilder html, Trajectory.TurnRecord turn, Function<String, Picture> images) {
        if (turn.candidates().isEmpty()) {
            return;
        }
        html.append("<details open class=\"candidates\"><summary>")
                .append(turn.candidates().size())
                .append(" candidates, one critique each</summary><div class=\"cands\">");
        for (Trajectory.CandidateRecord c : turn.candidates()) {
            html.append("<figure class=\"cand").append(c.won() ? " won" : "").append("\">");
            if (c.image() != null) {
                image(
                        html,
                        c.image(),
                        "candidate " + c.number() + " of turn " + turn.index() + ", seed " + c.seed(),
                        images,
                        CANDIDATE_SIDE);
            }
            html.append("<figcaption>#")
                    .append(c.number())
                    .append(c.won() ? " <span class=\"badge\">kept</span>" : "")
                    .append("<br>seed ")
                    .append(c.seed());
            Trajectory.CritiqueRecord k = c.critique();
            if (k != null && k.semantic() != null) {
                html.append("<br>SC ")
                        .append(num(k.semantic()))
                        .append(" · PQ ")
                        .append(num(k.quality()))
                        .append(" · O <b>")
                        .append(num(k.overall()))
                        .append("</b>");
            } else if (k != null) {
                html.append("<br>").append(esc(k.verdict()));
            }
            if (c.error() != null) {
                html.append("<br><span class=\"error\">").append(esc(c.error())).append("</span>");
            }
            html.append("</figcaption></figure>");
        }
        html.append("</div></details>");
    }

    /**
     * The refined instruction under a card: "Next" where a later turn used it; on the last turn, whose suggestion no
     * turn ran, what the thinker would have tried and why the run stopped, or nothing when it kept the instruction.
     */
    private static void refined(
            StringBuilder html, Trajectory t, Trajectory.TurnRecord turn, Trajectory.CritiqueRecord c, boolean last) {
        String next = c.refinedInstruction();
        if (next == null || next.isBlank()) {
            return;
        }
        if (!last) {
            html.append("<p class=\"next\"><b>Next (turn ")
                    .append(turn.index() + 1)
                    .append("):</b> ")
                    .append(esc(next))
                    .append("</p>");
            return;
        }
        if ("success".equals(c.verdict())
                || next.strip().equals(turn.instruction().strip())) {
            return;
        }
        html.append("<p class=\"next last\"><b>Not tried")
                .append(t.stopReason() == null ? "" : " (the run stopped: " + esc(t.stopReason()) + ")")
                .append(":</b> ")
                .append(esc(next))
                .append("</p>");
    }

    /** The scores of every turn in one table, the best turn marked. */
    private static void scoreTable(StringBuilder html, Trajectory t) {
        if (t.turns().isEmpty()) {
            return;
        }
        html.append("<section aria-labelledby=\"scores-title\"><h2 id=\"scores-title\" class=\"section\">Scores at a")
                .append(" glance</h2>\n<table class=\"scores-table\"><caption>SC: semantic consistency (did what was")
                .append(" asked, nothing else) · PQ: perceptual quality · overall: √(SC·PQ) · 0 to 10</caption>\n")
                .append("<thead><tr><th scope=\"col\">turn</th><th scope=\"col\">SC</th><th scope=\"col\">PQ</th>")
                .append("<th scope=\"col\">overall</th><th scope=\"col\">verdict</th>")
                .append("<th scope=\"col\" class=\"wide\">instruction</th></tr></thead>\n<tbody>\n");
        for (Trajectory.TurnRecord turn : t.turns()) {
            boolean best = t.bestTurn() != null && t.bestTurn() == turn.index();
            Trajectory.CritiqueRecord c = turn.critique();
            html.append("<tr")
                    .append(best ? " class=\"best\"" : "")
                    .append("><th scope=\"row\"><a href=\"#turn-")
                    .append(turn.index())
                    .append("\">")
                    .append(turn.index())
                    .append("</a>")
                    .append(best ? " <span class=\"badge\">best</span>" : "")
                    .append("</th><td>")
                    .append(c == null ? "–" : num(c.semantic()))
                    .append("</td><td>")
                    .append(c == null ? "–" : num(c.quality()))
                    .append("</td><td>")
                    .append(c == null ? "–" : num(c.overall()))
                    .append("</td><td>")
                    .append(c == null ? "none" : esc(c.verdict()))
                    .append("</td><td class=\"wide\">")
                    .append(esc(turn.instruction()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    /**
     * The source against the answer, large: the final image when an edit was accepted, else the best turn (marked as
     * not accepted). A slider moves the divide between the two (plain JavaScript; without it both halves show), and
     * both are linked at full size.
     */
    private static void beforeAfter(StringBuilder html, Trajectory t, Function<String, Picture> images) {
        Trajectory.TurnRecord best = t.best();
        if (best == null) {
            return;
        }
        boolean accepted = t.finalImage() != null && !Boolean.FALSE.equals(t.accepted());
        String afterName = accepted ? t.finalImage() : best.image();
        String afterLabel = accepted
                ? "final (turn " + best.index() + ")"
                : "best turn " + best.index() + (Boolean.FALSE.equals(t.accepted()) ? ", not accepted" : "");
        Picture before = images.apply(t.sourceImage());
        Picture after = images.apply(afterName);
        if (before == null || after == null) {
            return;
        }
        html.append("<section aria-labelledby=\"ba-title\" class=\"ba\"><h2 id=\"ba-title\" class=\"section\">")
                .append("Before and after</h2>\n<div class=\"compare\" style=\"--split:50%;aspect-ratio:")
                .append(before.width())
                .append('/')
                .append(before.height())
                .append("\">")
                .append("<img class=\"before\" alt=\"before: the source image\" src=\"data:image/jpeg;base64,")
                .append(preview(before, COMPARE_SIDE))
                .append("\"><img class=\"after\" alt=\"after: ")
                .append(esc(afterLabel))
                .append("\" src=\"data:image/jpeg;base64,")
                .append(preview(after, COMPARE_SIDE))
                .append("\"><span class=\"tag left\" aria-hidden=\"true\">before</span>")
                .append("<span class=\"tag right\" aria-hidden=\"true\">after</span></div>\n")
                .append("<label class=\"slider\">Divide between before (left) and after (right) ")
                .append("<input type=\"range\" min=\"0\" max=\"100\" value=\"50\" id=\"split\"></label>\n")
                .append("<p class=\"meta\">before: <a href=\"")
                .append(esc(t.sourceImage()))
                .append("\">")
                .append(esc(t.sourceImage()))
                .append("</a> · after: <a href=\"")
                .append(esc(afterName))
                .append("\">")
                .append(esc(afterName))
                .append("</a> (")
                .append(esc(accepted ? "best turn " + best.index() : afterLabel))
                .append(")</p></section>\n");
    }

    private static void fact(StringBuilder html, String name, String value) {
        html.append("<div><dt>")
                .append(esc(name))
                .append("</dt><dd>")
                .append(esc(value))
                .append("</dd></div>");
    }

    /** A backend's display string, then its result-changing parameters in a smaller line (hashes shortened). */
    private static void backend(StringBuilder html, String name, Trajectory.BackendRecord backend) {
        if (backend == null) {
            fact(html, name, "");
            return;
        }
        html.append("<div><dt>").append(esc(name)).append("</dt><dd>").append(esc(backend.display()));
        if (!backend.params().isEmpty()) {
            StringBuilder params = new StringBuilder();
            backend.params().forEach((k, v) -> {
                if (!params.isEmpty()) {
                    params.append(" · ");
                }
                params.append(k).append(' ').append(k.endsWith("sha256") && v.length() > 12 ? v.substring(0, 12) : v);
            });
            html.append("<br><span class=\"meta\">")
                    .append(esc(params.toString()))
                    .append("</span>");
        }
        html.append("</dd></div>");
    }

    private static void image(
            StringBuilder html, String name, String description, Function<String, Picture> images, int side) {
        Picture picture = name == null ? null : images.apply(name);
        if (picture == null) {
            html.append("<div class=\"missing\">")
                    .append(esc(String.valueOf(name)))
                    .append(" not available</div>");
            return;
        }
        html.append("<a href=\"")
                .append(esc(name))
                .append("\"><img alt=\"")
                .append(esc(description))
                .append(" (")
                .append(esc(name))
                .append(")\" src=\"data:image/jpeg;base64,")
                .append(preview(picture, side))
                .append("\"></a>")
                .append("<p class=\"meta\">")
                .append(picture.width())
                .append("×")
                .append(picture.height())
                .append(" · ")
                .append(esc(name))
                .append("</p>");
    }

    /** A JPEG preview no larger than {@value #PREVIEW_SIDE} px a side, base64-encoded. */
    static String preview(Picture picture) {
        return preview(picture, PREVIEW_SIDE);
    }

    /** A JPEG preview no larger than {@code side} px a side, base64-encoded. */
    static String preview(Picture picture, int side) {
        BufferedImage full = picture.toBufferedImage();
        double scale = Math.min(1.0, (double) side / Math.max(picture.width(), picture.height()));
        BufferedImage small = full;
        if (scale < 1.0) {
            int w = Math.max(1, (int) Math.round(picture.width() * scale));
            int h = Math.max(1, (int) Math.round(picture.height() * scale));
            small = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = small.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(full, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
        }
        ImageWriter writer = dev.editloop.core.image.Images.jpegWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(small, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static String link(String file) {
        return "<a href=\"" + esc(file) + "\">" + esc(file) + "</a>";
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String num(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f4f4f6;color:#1d1d1f}
            header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd}
            main{padding:0 24px}
            h1{font-size:1.4rem;margin:0 0 8px}
            h2.section{font-size:1.1rem;margin:20px 0 8px}
            h3{font-size:1rem;margin:0 0 8px}
            a{color:#0a58ca}
            .facts{display:flex;flex-wrap:wrap;gap:4px 24px;margin:0}
            .facts div{display:flex;gap:6px}
            dt{color:#555}dd{margin:0;font-weight:600}
            .scores-table{border-collapse:collapse;background:#fff;border:1px solid #ddd;width:100%;max-width:960px}
            .scores-table caption{caption-side:bottom;text-align:left;color:#555;font-size:.8rem;padding:4px 0}
            .scores-table th,.scores-table td{padding:6px 10px;border-bottom:1px solid #e5e5e5;text-align:right;font-variant-numeric:tabular-nums}
            .scores-table .wide{text-align:left;width:60%}
            .scores-table tr.best{background:#dafbe1;font-weight:600}
            .compare{position:relative;width:100%;max-width:960px;max-height:80vh;background:#fff;border:1px solid #ddd;border-radius:8px;overflow:hidden}
            .compare img{position:absolute;inset:0;width:100%;height:100%;object-fit:contain;display:block}
            .compare .after{clip-path:inset(0 0 0 var(--split))}
            .compare .tag{position:absolute;top:8px;background:#1d1d1fcc;color:#fff;border-radius:4px;padding:2px 8px;font-size:.8rem}
            .compare .left{left:8px}.compare .right{right:8px}
            .slider{display:flex;gap:8px;align-items:center;max-width:960px;margin:6px 0;font-size:.9rem}
            .slider input{flex:1}
            .strip{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,240px),1fr));gap:16px;padding:0 0 16px;align-items:start}
            .card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;min-width:0;overflow-wrap:anywhere}
            .card.best{border:2px solid #1a7f37;box-shadow:0 0 0 3px #1a7f3722}
            .card img{width:100%;height:auto;border-radius:4px;display:block}
            .badge{background:#1a7f37;color:#fff;border-radius:4px;padding:1px 6px;font-size:.8rem}
            .meta{color:#555;font-size:.8rem;margin:4px 0}
            .instr{font-style:italic}
            .scores b{font-size:1.05rem}
            .verdict{border-radius:4px;padding:1px 6px;font-size:.8rem;background:#eee}
            .verdict.success{background:#dafbe1}.verdict.failed,.verdict.invalid{background:#ffebe9}
            .next.last{color:#555}
            pre{white-space:pre-wrap;font-size:.8rem;background:#f6f8fa;padding:8px;border-radius:4px;margin:4px 0}
            .error{color:#b42318;font-weight:600}
            .missing{background:#eee;color:#555;padding:40px;text-align:center}
            .plan{margin-top:12px}
            .cands{display:grid;grid-template-columns:repeat(auto-fill,minmax(90px,1fr));gap:6px;margin:6px 0}
            .cand{margin:0;padding:4px;border:1px solid #e5e5e5;border-radius:4px;font-size:.75rem}
            .cand.won{border:2px solid #1a7f37}
            .cand .meta{display:none}
            footer{color:#555;font-size:.8rem;padding:8px 24px 24px}
            """;

    // moves the before/after divide; without scripts the page shows each half
    private static final String SCRIPT = """
            <script>
            (function(){var r=document.getElementById('split');if(!r)return;var c=document.querySelector('.compare');
            r.addEventListener('input',function(){c.style.setProperty('--split',r.value+'%');});})();
            </script>
            """;
}
