// Server-side SVG charts: every chart is a string with role="img" and a <title>, made the same
// way for the web pages and the PDF; same input, same output.
export { type BarChartSpec, type BarGroup, type BarRow, barChart } from './bar-chart.ts';
export { type StackedChartSpec, type StackedGroup, type StackedRow, stackedChart } from './stacked-chart.ts';
export { cachedMap, type MapGeometry, type MapSpec, type MapTopology, projectMap, responseMap } from './map.ts';
export { contrast, EDITION_COLOURS, editionColour, MAP_COLOURS, SCALE_COLOURS, YEAR_COLOURS, yearColour } from './palette.ts';
export { type ChartMeta, type ChartText, escapeXml, idPart, type SvgPicture } from './svg.ts';
export { hatch, NO_FIGURE_FILL, projectWijken, swatchSvg, WIJK_CLASSES, wijkClass, type WijkGeometry, wijkMapPicture, wijkMapSvg, type WijkMapSpec, type WijkShape } from './wijk-map.ts';
export { NARROW_WIDTH, narrowBarChart, narrowStackedChart } from './narrow-chart.ts';
