package dev.authwatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** The PNG plots of a run, drawn with XChart (headless). */
final class Plots {

	private Plots() {
	}

	/** Median upgrades/s per method, with min–max error bars. */
	static void upgrades(Path file, List<String> methods, double[] medians, double[] lows, double[] highs) throws IOException {
		CategoryChart chart = new CategoryChartBuilder().width(800).height(450)
			.title("WebSocket upgrades per second (churn: median of rounds; bar: farthest of min, max)")
			.xAxisTitle("method")
			.yAxisTitle("upgrades/s")
			.build();
		List<Double> values = new ArrayList<>();
		List<Double> errors = new ArrayList<>();
		for (int i = 0; i < methods.size(); i++) {
			values.add(medians[i]);
			errors.add(Math.max(highs[i] - medians[i], medians[i] - lows[i]));
		}
		chart.addSeries("upgrades/s", methods, values, errors);
		chart.getStyler().setLegendVisible(false);
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
	}

	/** Post-GC heap and RSS against open connections. */
	static void heap(Path file, double[] connections, double[] heapMb, double[] rssMb, double bytesPerConnection)
			throws IOException {
		XYChart chart = new XYChartBuilder().width(800).height(450)
			.title(String.format("Server memory vs idle authenticated connections (heap slope %.1f KB/connection)",
					bytesPerConnection / 1024))
			.xAxisTitle("open connections")
			.yAxisTitle("MB")
			.build();
		chart.addSeries("post-GC heap", connections, heapMb);
		chart.addSeries("RSS", connections, rssMb);
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
	}

}
