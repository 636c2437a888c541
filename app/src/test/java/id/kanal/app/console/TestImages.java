package id.kanal.app.console;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Real image files made in the test, so that a browser can draw them (no binary fixtures in the repository). */
final class TestImages {
    private TestImages() {
    }

    /** A JPEG of a "pothole": a grey road with a dark ellipse. */
    static byte[] jpeg(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(120, 120, 125));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(40, 35, 30));
        g.fillOval(width / 4, height / 3, width / 2, height / 3);
        g.setColor(Color.WHITE);
        g.fillRect(0, height - height / 10, width, height / 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
