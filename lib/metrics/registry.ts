import "server-only";
import { Counter, Gauge, Histogram, register, type CounterConfiguration, type GaugeConfiguration, type HistogramConfiguration } from "prom-client";

// Every metric lives on prom-client's default registry under the `iop_` prefix.
// These getters return the already-registered metric when a module is loaded
// twice (Next's dev reloads, the server bundle and a tsx-loaded script in one
// process), where `new Counter()` would throw "already registered".
//
// House rule (confidentiality rule 1): a label value is a closed enum chosen in
// code (a reason, a kind, a status class), never an address, an id, a
// reference code or anything a person typed.

export function counter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
  return (register.getSingleMetric(config.name) as Counter<L> | undefined) ?? new Counter(config);
}

export function gauge<L extends string>(config: GaugeConfiguration<L>): Gauge<L> {
  return (register.getSingleMetric(config.name) as Gauge<L> | undefined) ?? new Gauge(config);
}

export function histogram<L extends string>(config: HistogramConfiguration<L>): Histogram<L> {
  return (register.getSingleMetric(config.name) as Histogram<L> | undefined) ?? new Histogram(config);
}

export { register as metricsRegistry };
