import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import type {
  DatasetComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import {
  DatasetComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what operations charts need (time series, control charts with limit lines, interval heatmaps),
// so the bundle leaves out maps, 3D and the rest of ECharts.
use([
  BarChart,
  LineChart,
  ScatterChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DatasetComponent,
  MarkLineComponent,
  MarkAreaComponent,
  TitleComponent,
  VisualMapComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

/** The option type the registered parts accept. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DatasetComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | VisualMapComponentOption
  | DataZoomComponentOption
>;

export interface ChartProps {
  option: ChartOption;
  /** CSS height; the width follows the container. */
  height?: number | string;
  /** Text for screen readers, which cannot read the canvas: say what the chart shows (defaults to the title). */
  ariaLabel?: string;
}

/**
 * An ECharts chart that follows its option, resizes with the window, and frees its canvas on unmount.
 * The option is replaced whole (`notMerge`) so a series removed from the option disappears from the chart.
 */
export function Chart({ option, height = 280, ariaLabel }: ChartProps) {
  const title = Array.isArray(option.title) ? option.title[0]?.text : option.title?.text;
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const instance = init(el.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const onResize = () => instance.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} className="chart" role="img" aria-label={ariaLabel ?? title ?? 'chart'} style={{ height }} />;
}
