// Operations: structured logs, request observation and Prometheus metrics (docs/decisions/014).
export { LOG_LEVELS, type LogLevel } from './log.model.ts';
export { createLogger, fallbackLogger, type Logger, requestLog } from './log.service.ts';
export { createMetrics, type Metrics } from './metrics.service.ts';
export { metricsRoutes } from './metrics.routes.ts';
export { observeRequests, routePattern } from './request-log.service.ts';
