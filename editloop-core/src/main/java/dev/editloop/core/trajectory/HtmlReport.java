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
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Renders a run as one self-contained HTML page: the source and every turn side by side (previews embedded as data
 * URIs, linked to the full-size files next to the page), scores, verdicts, the thinker's reasoning and the editor's
 * notes per turn, the best turn marked.
 */
public final class HtmlReport {
    private static final int PREVIEW_SIDE = 640;

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
        html.append("</header>\n<main class=\"strip\">\n");
        html.append("<article class=\"card\"><h2>Source</h2>");
        image(html, t.sourceImage(), images);
        html.append("</article>\n");
        for (Trajectory.TurnRecord turn : t.turns()) {
            boolean best = t.bestTurn() != null && t.bestTurn() == turn.index();
            html.append("<article class=\"card")
                    .append(best ? " best" : "")
                    .append("\"><h2>Turn ")
                    .append(turn.index())
                    .append(best ? " <span class=\"badge\">best</span>" : "")
                    .append("</h2>");
            image(html, turn.image(), images);
            html.append("<p class=\"instr\">").append(esc(turn.instruction())).append("</p>");
            html.append("<p class=\"meta\">edited ")
                    .append(turn.base())
                    .append(" · edit ")
                    .append(turn.timings().editMs())
                    .append(" ms · think ")
                    .append(turn.timings().thinkMs())
                    .append(" ms</p>");
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
                if (c.refinedInstruction() != null && !c.refinedInstruction().isBlank()) {
                    html.append("<p class=\"next\"><b>Next:</b> ")
                            .append(esc(c.refinedInstruction()))
                            .append("</p>");
                }
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
        html.append("</main>\n<footer>EditLoop · trajectory.json holds the full record</footer>\n</body></html>\n");
        return html.toString();
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

    private static void image(StringBuilder html, String name, Function<String, Picture> images) {
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
                .append(esc(name))
                .append("\" src=\"data:image/jpeg;base64,")
                .append(preview(picture))
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
        BufferedImage full = picture.toBufferedImage();
        double scale = Math.min(1.0, (double) PREVIEW_SIDE / Math.max(picture.width(), picture.height()));
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
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
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
            h1{font-size:1.4rem;margin:0 0 8px}
            h2{font-size:1rem;margin:0 0 8px}
            .facts{display:flex;flex-wrap:wrap;gap:4px 24px;margin:0}
            .facts div{display:flex;gap:6px}
            dt{color:#666}dd{margin:0;font-weight:600}
            .strip{display:flex;gap:16px;overflow-x:auto;padding:16px 24px;align-items:flex-start}
            .card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;min-width:300px;max-width:360px;flex:0 0 auto}
            .card.best{border:2px solid #1a7f37;box-shadow:0 0 0 3px #1a7f3722}
            .card img{width:100%;height:auto;border-radius:4px;display:block}
            .badge{background:#1a7f37;color:#fff;border-radius:4px;padding:1px 6px;font-size:.8rem}
            .meta{color:#666;font-size:.8rem;margin:4px 0}
            .instr{font-style:italic}
            .scores b{font-size:1.05rem}
            .verdict{border-radius:4px;padding:1px 6px;font-size:.8rem;background:#eee}
            .verdict.success{background:#dafbe1}.verdict.failed,.verdict.invalid{background:#ffebe9}
            pre{white-space:pre-wrap;font-size:.8rem;background:#f6f8fa;padding:8px;border-radius:4px;margin:4px 0}
            .error{color:#b42318;font-weight:600}
            .missing{background:#eee;color:#666;padding:40px;text-align:center}
            .plan{margin-top:12px}
            footer{color:#888;font-size:.8rem;padding:8px 24px 24px}
            """;
}
