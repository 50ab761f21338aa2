package dev.ragchat.api.media;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Real media made in the test: a PNG with text drawn in it, a short WAV tone.
 */
public final class TestMedia {

	private TestMedia() {
	}

	/**
	 * @param lines the text, one line each, drawn large in black on white
	 * @return the PNG's bytes
	 */
	public static byte[] pngWithText(String... lines) {
		BufferedImage image = new BufferedImage(1400, 140 + 110 * lines.length, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
		for (int i = 0; i < lines.length; i++) {
			g.drawString(lines[i], 60, 130 + 110 * i);
		}
		g.dispose();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return half a second of a 440 Hz tone as a WAV file
	 */
	public static byte[] wavTone() {
		AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
		byte[] samples = new byte[8000];
		for (int i = 0; i < samples.length / 2; i++) {
			short value = (short) (Math.sin(2 * Math.PI * 440 * i / 8000.0) * 8000);
			samples[2 * i] = (byte) value;
			samples[2 * i + 1] = (byte) (value >> 8);
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), format, samples.length / 2),
					AudioFileFormat.Type.WAVE, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
