package org.chokepoint.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Writes a tier's results as {@code results-<tier>.csv} (metric,value) and, over every
 * tier run so far, {@code results.md} (one column per tier) and {@code latency.png}
 * (chain latency against tier, log scale, drawn with Java2D).
 */
final class Report {

	static final List<String> TIERS = List.of("S", "M", "L");

	private Report() {
	}

	static void write(Path out, String tier, Map<String, String> results) throws IOException {
		Files.createDirectories(out);
		StringBuilder csv = new StringBuilder("metric,value\n");
		results.forEach((k, v) -> csv.append(k).append(',').append(v.replace(',', ';')).append('\n'));
		Files.writeString(out.resolve("results-" + tier + ".csv"), csv);
		Map<String, Map<String, String>> all = new LinkedHashMap<>();
		for (String t : TIERS) {
			Path file = out.resolve("results-" + t + ".csv");
			if (Files.exists(file)) {
				Map<String, String> values = new LinkedHashMap<>();
				Files.readAllLines(file).stream().skip(1).forEach(line -> {
					int comma = line.indexOf(',');
					values.put(line.substring(0, comma), line.substring(comma + 1));
				});
				all.put(t, values);
			}
		}
		StringBuilder md = new StringBuilder("| metric |");
		all.keySet().forEach(t -> md.append(' ').append(t).append(" |"));
		md.append("\n|---|");
		all.keySet().forEach(t -> md.append("---|"));
		md.append('\n');
		List<String> metrics = new ArrayList<>();
		all.values().forEach(v -> v.keySet().stream().filter(k -> !metrics.contains(k)).forEach(metrics::add));
		for (String metric : metrics) {
			md.append("| ").append(metric).append(" |");
			all.values().forEach(v -> md.append(' ').append(v.getOrDefault(metric, "")).append(" |"));
			md.append('\n');
		}
		Files.writeString(out.resolve("results.md"), md);
		plot(out.resolve("latency.png"), all);
	}

	private static void plot(Path file, Map<String, Map<String, String>> all) throws IOException {
		int width = 800;
		int height = 500;
		int left = 80;
		int right = 200;
		int top = 40;
		int bottom = 60;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.drawString("Chain analysis latency by tier (ms, log scale)", left, 24);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.drawLine(left, height - bottom, width - right, height - bottom);
		g.drawLine(left, top, left, height - bottom);
		double minLog = -2;
		double maxLog = 5;
		for (int e = (int) minLog; e <= maxLog; e++) {
			int y = y(e, minLog, maxLog, top, height - bottom);
			g.setColor(new Color(230, 230, 230));
			g.drawLine(left + 1, y, width - right, y);
			g.setColor(Color.BLACK);
			g.drawString(e < 0 ? String.valueOf(Math.pow(10, e)) : String.valueOf((long) Math.pow(10, e)), 10, y + 4);
		}
		List<String> tiers = new ArrayList<>(all.keySet());
		int step = tiers.size() > 1 ? (width - right - left - 80) / (tiers.size() - 1) : 0;
		for (int i = 0; i < tiers.size(); i++) {
			g.drawString(tiers.get(i), left + 40 + i * step - 4, height - bottom + 20);
		}
		String[][] series = { { "chain_cold_p50_ms", "cold p50" }, { "chain_cold_p95_ms", "cold p95" },
				{ "chain_warm_p50_ms", "warm p50" }, { "inmemory_p50_ms", "in-memory p50" } };
		Color[] colors = { new Color(200, 40, 40), new Color(240, 140, 40), new Color(40, 120, 200),
				new Color(60, 160, 60) };
		g.setStroke(new BasicStroke(2f));
		for (int s = 0; s < series.length; s++) {
			g.setColor(colors[s]);
			int previousX = -1;
			int previousY = -1;
			for (int i = 0; i < tiers.size(); i++) {
				String value = all.get(tiers.get(i)).get(series[s][0]);
				if (value == null) {
					continue;
				}
				double ms = Math.max(Math.pow(10, minLog), Double.parseDouble(value));
				int x = left + 40 + i * step;
				int y = y(Math.log10(ms), minLog, maxLog, top, height - bottom);
				g.fillOval(x - 4, y - 4, 8, 8);
				if (previousX >= 0) {
					g.drawLine(previousX, previousY, x, y);
				}
				previousX = x;
				previousY = y;
			}
			g.fillRect(width - right + 20, top + 20 * s, 12, 12);
			g.setColor(Color.BLACK);
			g.drawString(series[s][1], width - right + 40, top + 20 * s + 11);
		}
		g.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	private static int y(double log, double minLog, double maxLog, int top, int bottom) {
		return (int) (bottom - (log - minLog) / (maxLog - minLog) * (bottom - top));
	}

}
