import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws Switchboard's application icon: one gateway node fanning traffic out to three backends over links whose
 * widths are their weights (the third backend's breaker is amber). Run from the repository root with a JDK:
 *
 *     java packaging/icon/DrawIcon.java 256 packaging/linux/switchboard.png
 */
public class DrawIcon {

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        // Background: a rounded square, slate blue fading to near black.
        g.setPaint(new GradientPaint(0, 0, new Color(0x33, 0x4e, 0x75), 0, 256, new Color(0x0f, 0x17, 0x2a)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        double gx = 70, gy = 128;
        double[] ys = {64, 128, 192};
        double[] widths = {22, 13, 6};
        Color[] colors = {new Color(0x34, 0xd3, 0x99), new Color(0x34, 0xd3, 0x99), new Color(0xfb, 0xbf, 0x24)};

        // Links: curves from the gateway to each backend, as wide as the backend's weight.
        for (int i = 0; i < ys.length; i++) {
            Path2D link = new Path2D.Double();
            link.moveTo(gx, gy);
            link.curveTo(gx + 60, gy, 196 - 70, ys[i], 190, ys[i]);
            g.setStroke(new BasicStroke((float) widths[i], BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(colors[i].darker());
            g.draw(link);
        }
        // Backends: three nodes on the right.
        for (int i = 0; i < ys.length; i++) {
            g.setColor(colors[i]);
            g.fill(new Ellipse2D.Double(190 - 20, ys[i] - 20, 40, 40));
            g.setColor(new Color(0x0f, 0x17, 0x2a));
            g.fill(new Ellipse2D.Double(190 - 8, ys[i] - 8, 16, 16));
        }
        // The gateway: one larger node on the left.
        g.setColor(new Color(0x38, 0xbd, 0xf8));
        g.fill(new Ellipse2D.Double(gx - 34, gy - 34, 68, 68));
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(gx - 14, gy - 14, 28, 28));
        g.dispose();

        ImageIO.write(image, "png", new File(args[1]));
    }
}
