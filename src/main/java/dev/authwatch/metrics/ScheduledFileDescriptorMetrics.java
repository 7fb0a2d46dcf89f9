package dev.authwatch.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.List;

import com.sun.management.UnixOperatingSystemMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code process.files.open} and {@code process.files.max}, named as Micrometer's
 * {@link FileDescriptorMetrics} names them (and replacing Boot's instance of it), but
 * with the open count taken off the scrape: the JDK counts open files by listing
 * {@code /proc/self/fd}, which took ~35 ms of every {@code /metrics} call with 19,000
 * connections open (docs/benchmarks.md). The count is refreshed every
 * {@value #REFRESH_MILLIS} ms instead; the limit is a cheap call and read live.
 */
final class ScheduledFileDescriptorMetrics extends FileDescriptorMetrics {

	static final long REFRESH_MILLIS = 10_000;

	private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

	private volatile double open = Double.NaN;

	ScheduledFileDescriptorMetrics() {
		super(List.of());
		refresh();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (!(this.os instanceof UnixOperatingSystemMXBean unix)) {
			return;
		}
		Gauge.builder("process.files.open", this, (metrics) -> metrics.open)
			.description("The open file descriptor count")
			.baseUnit(BaseUnits.FILES)
			.register(registry);
		Gauge.builder("process.files.max", unix, UnixOperatingSystemMXBean::getMaxFileDescriptorCount)
			.description("The maximum file descriptor count")
			.baseUnit(BaseUnits.FILES)
			.register(registry);
	}

	@Scheduled(fixedDelay = REFRESH_MILLIS)
	void refresh() {
		if (this.os instanceof UnixOperatingSystemMXBean unix) {
			this.open = unix.getOpenFileDescriptorCount();
		}
	}

}
