// Looks up API token prices for the LLM catalogue with @pydantic/genai-prices (MIT), for
// `cargo xtask refdata --prices DIR`. Prints {"provider/name": [usd_in, usd_out]} per million
// tokens, priced at a typical request (1,000 tokens each way) so long-context tiers stay out.
// Usage: node prices.mjs GENAI_PRICES_PACKAGE_DIR MODELS_JSON
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [packageDir, modelsPath] = process.argv.slice(2);
const { calcPrice } = await import(pathToFileURL(`${packageDir}/dist/index.js`).href);
// EcoLogits provider names → genai-prices provider ids. Open models on the Hugging Face hub
// have no single API price.
const providers = { openai: "openai", anthropic: "anthropic", mistralai: "mistral", google_genai: "google", cohere: "cohere" };
const { models } = JSON.parse(readFileSync(modelsPath, "utf8"));
const out = {};
for (const m of models) {
  const providerId = providers[m.provider];
  if (!providerId) continue;
  const price = calcPrice({ input_tokens: 1000, output_tokens: 1000 }, m.name, { providerId });
  if (price && (price.input_price > 0 || price.output_price > 0)) {
    // Rounded to 6 significant figures: the per-1,000 scaling adds float noise.
    const round = (x) => Number((x * 1000).toPrecision(6));
    out[`${m.provider}/${m.name}`] = [round(price.input_price), round(price.output_price)];
  }
}
console.log(JSON.stringify(out));
