import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the README's region figure from a run folder: the source, the editor's own result and the image the loop kept,
 * side by side, each with the region's border outlined. Usage (from the EditLoop folder):
 *
 * <pre>java scripts/RegionFigure.java RUN_FOLDER OUT.png</pre>
 */
public final class RegionFigure {
    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        BufferedImage mask = ImageIO.read(run.resolve("region.png").toFile());
        String[] files = {"source.png", "turn-1-editor.png", "turn-1.png"};
        String[] titles = {"source, region outlined", "editor's result (leaks outside)", "kept: outside put back"};
        int w = mask.getWidth();
        int h = mask.getHeight();
        int gap = 12;
        int label = 26;
        BufferedImage out = new BufferedImage(3 * w + 2 * gap, h + label, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        for (int p = 0; p < 3; p++) {
            BufferedImage img = ImageIO.read(run.resolve(files[p]).toFile());
            int x0 = p * (w + gap);
            g.drawImage(img, x0, label, null);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (inside(mask, x, y) && (!inside(mask, x - 1, y) || !inside(mask, x + 1, y)
                            || !inside(mask, x, y - 1) || !inside(mask, x, y + 1))) {
                        for (int d = 0; d < 2; d++) {
                            int xx = Math.min(w - 1, Math.max(0, x + (x < w / 2 ? d : -d)));
                            out.setRGB(x0 + xx, label + y, 0xE0201A);
                        }
                    }
                }
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(titles[p], x0 + 4, 18);
        }
        g.dispose();
        ImageIO.write(out, "png", new File(args[1]));
    }

    private static boolean inside(BufferedImage mask, int x, int y) {
        if (x < 0 || y < 0 || x >= mask.getWidth() || y >= mask.getHeight()) {
            return false;
        }
        return (mask.getRGB(x, y) & 0xff) >= 8;
    }
}
