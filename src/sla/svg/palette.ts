import type { SlaSegmentKind } from './segments';

/** Fill colour and legend text of each segment kind (internal; colour-blind-safe enough with the legend). */
export const SEGMENT_STYLE: Readonly<Record<SlaSegmentKind, { readonly fill: string; readonly label: string }>> = {
  running: { fill: '#2e7d32', label: 'Running' },
  overdue: { fill: '#c62828', label: 'Running, breached' },
  paused: { fill: '#1e88e5', label: 'Paused' },
  'outside-hours': { fill: '#cfd8dc', label: 'Outside business hours' },
};

/** The markers drawn over the bars (internal). */
export type MarkerKind = 'warning' | 'breach' | 'due' | 'stop';

/** Stroke, dash pattern and legend text of each marker kind (internal). */
export const MARKER_STYLE: Readonly<Record<MarkerKind, { readonly stroke: string; readonly dash: string | null; readonly width: number; readonly label: string }>> = {
  warning: { stroke: '#ef6c00', dash: '4 2', width: 1.5, label: 'Warning' },
  breach: { stroke: '#b71c1c', dash: null, width: 2.5, label: 'Breach' },
  due: { stroke: '#37474f', dash: '2 2', width: 1.5, label: 'Due' },
  stop: { stroke: '#263238', dash: null, width: 2, label: 'Stopped' },
};

export const TEXT_COLOUR = '#263238';
export const MUTED_COLOUR = '#607d8b';
export const TRACK_COLOUR = '#f5f7f8';
export const GRID_COLOUR = '#e3e8eb';
