export { barChart, type BarChartInput } from './bar-chart.js';
export { scoreGauge, type GaugeInput } from './gauge.js';
export { heatMap, type HeatMapInput } from './heat-map.js';
export { lineChart, type LineChartInput, type LinePoint } from './line-chart.js';
export { sparkline, type SparklineInput } from './sparkline.js';
