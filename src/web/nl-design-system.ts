// The NL Design System CSS (decision 020), served as /static/nl-design-system.css: the
// Rijkshuisstijl tokens (scoped to .rhc-theme) followed by the component CSS, read once from
// node_modules at start. A file of our own origin, since the CSP allows style-src 'self' only.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const NL_DESIGN_SYSTEM_CSS = 'nl-design-system.css';

export function nlDesignSystemCss() {
  const tokens = require.resolve('@rijkshuisstijl-community/design-tokens/dist/index.css');
  const components = require.resolve('@rijkshuisstijl-community/components-css/dist/index.css');
  return Buffer.from(`${fs.readFileSync(tokens, 'utf8')}\n${fs.readFileSync(components, 'utf8')}`);
}
