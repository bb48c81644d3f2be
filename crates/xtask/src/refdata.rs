//! `cargo xtask refdata`: regenerates the engine's reference tables from the raw data files.
//!
//! Reads the raw files (Electricity Maps 2024 yearly CSV, Ember average intensities, Google
//! Cloud region carbon CSV, Cloud Carbon Footprint region mappings, EcoLogits 0.11.3
//! `electricity_mixes.json` and `models.json`, and Debian's iso-codes ISO 3166 table) and writes
//! compact Rust tables to `crates/engine/src/refdata/generated/`, which are committed: neither the
//! build nor the tests read the raw files.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// Where the raw files are.
pub struct Inputs {
    /// Folder with the staged raw files (em_yearly_2024.csv, …).
    pub raw: PathBuf,
    /// Folder with EcoLogits' `data/` files (electricity_mixes.json, models.json).
    pub ecologits: PathBuf,
    /// ISO 3166-1 JSON (Debian package iso-codes).
    pub iso3166: PathBuf,
    /// The unpacked npm package @pydantic/genai-prices@0.1.8 (its `dist/` folder inside).
    pub prices: PathBuf,
}

impl Inputs {
    /// Reads the folders from the command line:
    /// `--raw DIR --ecologits DIR --prices DIR [--iso3166 FILE]`.
    pub fn from_args(args: &[String]) -> Result<Self, String> {
        let value = |flag: &str| {
            args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).map(PathBuf::from)
        };
        Ok(Self {
            raw: value("--raw").ok_or("missing --raw DIR (the staged raw data files)")?,
            ecologits: value("--ecologits").ok_or(
                "missing --ecologits DIR (ecologits/data from the PyPI wheel ecologits==0.11.3)",
            )?,
            prices: value("--prices").ok_or(
                "missing --prices DIR (the unpacked npm package @pydantic/genai-prices@0.1.8)",
            )?,
            iso3166: value("--iso3166")
                .unwrap_or_else(|| PathBuf::from("/usr/share/iso-codes/json/iso_3166-1.json")),
        })
    }
}

/// A grid zone row of the generated table.
struct Zone {
    code: String,
    name: String,
    lifecycle: f64,
    direct: Option<f64>,
    cfe_share: Option<f64>,
    year: u16,
    source: &'static str,
    water: f64,
    water_is_world_default: bool,
}

/// World-average off-site water factor in EcoLogits' table (WOR), L/kWh.
const WORLD_WATER_KEY: &str = "WOR";

/// Ember aggregates kept as selectable regions, with the code the engine uses for them.
const EMBER_AGGREGATES: &[(&str, &str)] = &[
    ("World", "WORLD"),
    ("EU", "EU"),
    ("Europe", "EUROPE"),
    ("North America", "NORTH-AMERICA"),
    ("Asia", "ASIA"),
    ("Africa", "AFRICA"),
    ("Latin America and Caribbean", "LATIN-AMERICA"),
    ("Middle East", "MIDDLE-EAST"),
    ("Oceania", "OCEANIA"),
];

/// Region → zone corrections to the Cloud Carbon Footprint mapping (refdata README).
const REGION_CORRECTIONS: &[(&str, &str, &str)] = &[
    ("azure", "westus2", "US-NW-BPAT"),
    ("azure", "westus3", "US-SW-SRP"),
    ("aws", "ap-east-1", "HK"),
    ("gcp", "asia-east2", "HK"),
    ("azure", "eastasia", "HK"),
    ("aws", "me-central-1", "AE"),
    ("azure", "uaenorth", "AE"),
    ("aws", "me-south-1", "BH"),
];

/// Regenerates every table.
pub fn generate(inputs: &Inputs, out_dir: &Path) -> Result<(), String> {
    let iso = read_iso(&inputs.iso3166)?;
    let water = read_water(&inputs.ecologits.join("electricity_mixes.json"))?;
    let zones = read_zones(inputs, &iso, &water)?;
    let regions = read_regions(&inputs.raw, &zones)?;
    let prices = read_prices(&inputs.prices, &inputs.ecologits.join("models.json"))?;
    let models = read_models(&inputs.ecologits.join("models.json"), &prices)?;
    let accelerators = read_accelerators(&inputs.raw.join("epoch_ml_hardware.csv"))?;
    let pathways = read_oecm(&inputs.raw.join("oecm_benchmark_EI.json"))?;
    std::fs::create_dir_all(out_dir).map_err(|e| e.to_string())?;
    write(out_dir.join("zones.rs"), &render_zones(&zones))?;
    write(out_dir.join("cloud_regions.rs"), &render_regions(&regions))?;
    write(out_dir.join("llm_models.rs"), &render_models(&models))?;
    write(out_dir.join("accelerators.rs"), &render_accelerators(&accelerators))?;
    write(out_dir.join("grid_pathways.rs"), &render_oecm(&pathways))?;
    println!(
        "wrote {} grid zones, {} cloud regions, {} LLMs, {} accelerators, {} grid pathways to {}",
        zones.len(),
        regions.len(),
        models.len(),
        accelerators.len(),
        pathways.len(),
        out_dir.display()
    );
    Ok(())
}

fn write(path: PathBuf, text: &str) -> Result<(), String> {
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// ISO 3166 alpha-2 → alpha-3.
fn read_iso(path: &Path) -> Result<HashMap<String, String>, String> {
    let json = read_json(path)?;
    let rows = json["3166-1"].as_array().ok_or("iso_3166-1.json: no 3166-1 list")?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some((r["alpha_2"].as_str()?.to_owned(), r["alpha_3"].as_str()?.to_owned()))
        })
        .collect())
}

/// ISO alpha-3 → (off-site water L/kWh, true if EcoLogits fell back to the world value).
fn read_water(path: &Path) -> Result<HashMap<String, (f64, bool)>, String> {
    let json = read_json(path)?;
    let rows = json["electricity_mixes"].as_array().ok_or("electricity_mixes.json: no list")?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let defaulted = r["warnings"]
                .as_array()
                .is_some_and(|w| w.iter().any(|x| x.as_str() == Some("electricity-mix-wue-world")));
            Some((r["name"].as_str()?.to_owned(), (r["wue"].as_f64()?, defaulted)))
        })
        .collect())
}

fn read_zones(
    inputs: &Inputs,
    iso: &HashMap<String, String>,
    water: &HashMap<String, (f64, bool)>,
) -> Result<Vec<Zone>, String> {
    let world_water = water.get(WORLD_WATER_KEY).ok_or("no world water factor")?.0;
    let water_for = |alpha2: &str| {
        iso.get(alpha2)
            .and_then(|a3| water.get(a3))
            .map_or((world_water, true), |&(w, defaulted)| (w, defaulted))
    };
    let mut zones: BTreeMap<String, Zone> = BTreeMap::new();

    let path = inputs.raw.join("em_yearly_2024.csv");
    let mut reader =
        csv::Reader::from_path(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    for row in reader.records() {
        let row = row.map_err(|e| format!("{}: {e}", path.display()))?;
        let (name, code) = (&row[2], &row[3]);
        let year: u16 = row[0].get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
        // GLOBAL is a 2023 placeholder without a life-cycle value; Ember's world average is used.
        if code == "GLOBAL" || year != 2024 {
            continue;
        }
        let number = |i: usize| row[i].trim().parse::<f64>().ok();
        let (Some(direct), Some(lifecycle)) = (number(4), number(5)) else { continue };
        let country = code.split('-').next().unwrap_or(code);
        let (water, defaulted) = water_for(country);
        zones.insert(
            code.to_owned(),
            Zone {
                code: code.to_owned(),
                name: name.to_owned(),
                lifecycle,
                direct: Some(direct),
                cfe_share: number(6).map(|p| p / 100.0),
                year,
                source: "ELECTRICITY_MAPS_2024",
                water,
                water_is_world_default: defaulted,
            },
        );
    }

    let ember = read_json(&inputs.raw.join("ember_average_intensities.json"))?;
    let ember = ember.as_object().ok_or("ember: not an object")?;
    let alpha3_to_2: HashMap<&str, &str> =
        iso.iter().map(|(a2, a3)| (a3.as_str(), a2.as_str())).collect();
    for entry in ember.values() {
        let name = entry["country_or_region"].as_str().unwrap_or_default();
        let a3 = entry["country_code"].as_str().unwrap_or_default();
        let (Some(intensity), Some(year)) =
            (entry["emissions_intensity_gco2_per_kwh"].as_f64(), entry["year"].as_u64())
        else {
            continue;
        };
        let code = match EMBER_AGGREGATES.iter().find(|(n, _)| *n == name) {
            Some((_, code)) => (*code).to_owned(),
            None => match alpha3_to_2.get(a3) {
                Some(a2) => (*a2).to_owned(),
                None => continue,
            },
        };
        if zones.contains_key(&code) {
            continue; // Electricity Maps' life-cycle, consumption-based value is preferred.
        }
        let (water, defaulted) = if a3.is_empty() { (world_water, true) } else { water_for(&code) };
        zones.insert(
            code.clone(),
            Zone {
                code,
                name: name.to_owned(),
                lifecycle: intensity,
                direct: None,
                cfe_share: None,
                year: u16::try_from(year).unwrap_or(0),
                source: "EMBER",
                water,
                water_is_world_default: defaulted,
            },
        );
    }
    Ok(zones.into_values().collect())
}

/// A cloud region row of the generated table.
struct Region {
    provider: &'static str,
    region: String,
    zone: String,
    /// Provider-published intensity and carbon-free share (Google Cloud only).
    own: Option<(f64, f64)>,
}

fn read_regions(raw: &Path, zones: &[Zone]) -> Result<Vec<Region>, String> {
    let mut regions = Vec::new();
    for (provider, file, prefix) in [
        ("aws", "ccf_aws_regions.ts.txt", "AWS_REGIONS."),
        ("gcp", "ccf_gcp_regions.ts.txt", "GCP_REGIONS."),
        ("azure", "ccf_azure_regions.ts.txt", "AZURE_REGIONS."),
    ] {
        let path = raw.join(file);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut mapped: HashMap<String, String> = HashMap::new();
        for line in text.lines() {
            let line = line.trim();
            let Some(rest) = line.strip_prefix('[').and_then(|l| l.strip_prefix(prefix)) else {
                continue;
            };
            let Some((key, value)) = rest.split_once("]:") else { continue };
            if let Some(zone) = quoted(value) {
                mapped.insert(key.trim_end_matches(".name").to_owned(), zone.to_owned());
            }
        }
        for (key, region) in enum_names(&text) {
            // Azure's API names regions in lower case (`eastus`); the mapping mixes cases.
            let region = if provider == "azure" { region.to_lowercase() } else { region };
            // Staging and early-access regions are internal to the provider.
            let internal = region.contains("stage") || region.contains("euap");
            if region.is_empty() || region.eq_ignore_ascii_case("unknown") || internal {
                continue;
            }
            let corrected = REGION_CORRECTIONS
                .iter()
                .find(|(p, r, _)| *p == provider && *r == region)
                .map(|(_, _, zone)| (*zone).to_owned());
            let chinese =
                (region.starts_with("cn-") || region.starts_with("china")).then(|| "CN".to_owned());
            if let Some(zone) = corrected.or(chinese).or_else(|| mapped.get(&key).cloned()) {
                regions.push(Region { provider, region, zone, own: None });
            }
        }
    }
    let path = raw.join("gcp_region_carbon_2024.csv");
    let mut reader =
        csv::Reader::from_path(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    for row in reader.records() {
        let row = row.map_err(|e| e.to_string())?;
        let (Ok(cfe), Ok(intensity)) = (row[2].parse::<f64>(), row[3].parse::<f64>()) else {
            continue;
        };
        if let Some(r) = regions.iter_mut().find(|r| r.provider == "gcp" && r.region == row[0]) {
            r.own = Some((intensity, cfe));
        }
    }
    regions.retain(|r| zones.iter().any(|z| z.code == r.zone));
    regions.sort_by(|a, b| (a.provider, &a.region).cmp(&(b.provider, &b.region)));
    regions.dedup_by(|a, b| a.provider == b.provider && a.region == b.region);
    Ok(regions)
}

/// `KEY = 'value'` and `KEY: { name: 'value', …` enum entries of a CCF region file (the
/// latter also split over several lines).
fn enum_names(text: &str) -> HashMap<String, String> {
    let mut names = HashMap::new();
    let mut open_key: Option<String> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            continue;
        }
        if let Some((key, value)) = line.split_once(" = ") {
            if let Some(v) = quoted(value) {
                names.insert(key.trim().to_owned(), v.to_owned());
            }
        } else if let Some((key, value)) = line.split_once(": {") {
            match value.split_once("name:").and_then(|(_, rest)| quoted(rest)) {
                Some(v) => {
                    names.insert(key.trim().to_owned(), v.to_owned());
                }
                None => open_key = Some(key.trim().to_owned()),
            }
        } else if let Some(key) = open_key.take() {
            match line.strip_prefix("name:").and_then(quoted) {
                Some(v) => {
                    names.insert(key, v.to_owned());
                }
                None => open_key = Some(key),
            }
        }
    }
    names
}

fn quoted(text: &str) -> Option<&str> {
    let start = text.find('\'')? + 1;
    let len = text[start..].find('\'')?;
    Some(&text[start..start + len])
}

/// An LLM row of the generated table.
struct Model {
    provider: String,
    name: String,
    moe: bool,
    total: (f64, f64),
    active: (f64, f64),
    tps: Option<f64>,
    ttft: Option<f64>,
    usd_per_million: Option<(f64, f64)>,
}

/// `provider/name` → (input, output) US dollars per million tokens, from genai-prices, looked
/// up by `prices.mjs` (the package is JavaScript).
fn read_prices(package: &Path, models: &Path) -> Result<HashMap<String, (f64, f64)>, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/prices.mjs");
    let out = std::process::Command::new("node")
        .arg(&script)
        .arg(package)
        .arg(models)
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if !out.status.success() {
        return Err(format!("prices.mjs failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let json: Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("prices.mjs: {e}"))?;
    let map = json.as_object().ok_or("prices.mjs: not an object")?;
    Ok(map
        .iter()
        .filter_map(|(id, v)| Some((id.clone(), (v.get(0)?.as_f64()?, v.get(1)?.as_f64()?))))
        .collect())
}

fn range_of(v: &Value) -> Option<(f64, f64)> {
    match v {
        Value::Number(n) => n.as_f64().map(|x| (x, x)),
        Value::Object(o) => Some((o.get("min")?.as_f64()?, o.get("max")?.as_f64()?)),
        _ => None,
    }
}

fn read_models(path: &Path, prices: &HashMap<String, (f64, f64)>) -> Result<Vec<Model>, String> {
    let json = read_json(path)?;
    let rows = json["models"].as_array().ok_or("models.json: no models")?;
    let mut models: Vec<Model> = rows
        .iter()
        .filter_map(|m| {
            let arch = &m["architecture"];
            let moe = arch["type"].as_str() == Some("moe");
            let (total, active) = if moe {
                (range_of(&arch["parameters"]["total"])?, range_of(&arch["parameters"]["active"])?)
            } else {
                let p = range_of(&arch["parameters"])?;
                (p, p)
            };
            let provider = m["provider"].as_str()?.to_owned();
            let name = m["name"].as_str()?.to_owned();
            let usd_per_million = prices.get(&format!("{provider}/{name}")).copied();
            Some(Model {
                provider,
                name,
                usd_per_million,
                moe,
                total,
                active,
                tps: m["deployment"]["tps"].as_f64(),
                ttft: m["deployment"]["ttft"].as_f64(),
            })
        })
        .collect();
    models.sort_by(|a, b| (&a.provider, &a.name).cmp(&(&b.provider, &b.name)));
    Ok(models)
}

const HEADER: &str =
    "// Generated by `cargo xtask refdata`; do not edit. See the README, \"Reference data\".\n";

fn float(x: f64) -> String {
    let s = format!("{x:?}");
    if s.contains('.') || s.contains('e') {
        s
    } else {
        format!("{s}.0")
    }
}

fn option(x: Option<f64>) -> String {
    x.map_or_else(|| "None".to_owned(), |v| format!("Some({})", float(v)))
}

fn render_zones(zones: &[Zone]) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "//! Grid zones, sorted by code: Electricity Maps 2024 yearly (ODbL 1.0), completed by Ember\n\
         //! (CC BY 4.0) for countries and aggregates Electricity Maps lacks; off-site water from\n\
         //! EcoLogits 0.11.3 (MPL-2.0).\n\n\
         use super::super::grid::GridZone;\nuse super::super::sources::*;\n\n\
         /// Every grid zone, sorted by code for binary search.\npub static ZONES: &[GridZone] = &[\n",
    );
    for z in zones {
        let _ = writeln!(
            out,
            "    GridZone {{ code: {:?}, name: {:?}, lifecycle_g_per_kwh: {}, direct_g_per_kwh: {}, \
             cfe_share: {}, year: {}, carbon_source: &{}, offsite_water_l_per_kwh: {}, \
             water_is_world_default: {}, water_source: &ECOLOGITS_WATER }},",
            z.code,
            z.name,
            float(z.lifecycle),
            option(z.direct),
            option(z.cfe_share),
            z.year,
            z.source,
            float(z.water),
            z.water_is_world_default,
        );
    }
    out.push_str("];\n");
    out
}

fn render_regions(regions: &[Region]) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "//! Cloud regions and the grid zone each draws from: Cloud Carbon Footprint's mapping\n\
         //! (Apache-2.0) with corrections; Google Cloud's own 2024 intensities and carbon-free\n\
         //! shares (Apache-2.0).\n\n\
         use super::super::grid::CloudRegion;\n\n\
         /// Every cloud region, sorted by provider then region.\npub static CLOUD_REGIONS: &[CloudRegion] = &[\n",
    );
    for r in regions {
        let (intensity, cfe) = match r.own {
            Some((i, c)) => (Some(i), Some(c)),
            None => (None, None),
        };
        let _ = writeln!(
            out,
            "    CloudRegion {{ provider: {:?}, region: {:?}, zone: {:?}, provider_g_per_kwh: {}, provider_cfe_share: {} }},",
            r.provider,
            r.region,
            r.zone,
            option(intensity),
            option(cfe),
        );
    }
    out.push_str("];\n");
    out
}

fn render_models(models: &[Model]) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "//! LLM catalogue: total and active parameters (billions; ranges where the architecture is\n\
         //! not published) and measured provider speeds, from EcoLogits 0.11.3 `models.json` (MPL-2.0);\n\
         //! API prices per million tokens from @pydantic/genai-prices 0.1.8 (MIT).\n\n\
         use super::super::models::LlmModel;\n\n\
         /// Every catalogued model, sorted by provider then name.\npub static LLM_MODELS: &[LlmModel] = &[\n",
    );
    for m in models {
        let _ = writeln!(
            out,
            "    LlmModel {{ provider: {:?}, name: {:?}, moe: {}, total_b: ({}, {}), active_b: ({}, {}), tokens_per_s: {}, ttft_s: {}, usd_per_million: {} }},",
            m.provider,
            m.name,
            m.moe,
            float(m.total.0),
            float(m.total.1),
            float(m.active.0),
            float(m.active.1),
            option(m.tps),
            option(m.ttft),
            m.usd_per_million.map_or_else(
                || "None".to_owned(),
                |(i, o)| format!("Some(({}, {}))", float(i), float(o)),
            ),
        );
    }
    out.push_str("];\n");
    out
}

/// Accelerators shipped in the catalogue: (id, Epoch AI hardware name, embodied kgCO2e
/// low / central / high, where the embodied values come from).
const ACCELERATORS: &[(&str, &str, [f64; 3], &str)] = &[
    ("nvidia-a100-40gb", "NVIDIA A100 SXM4 40 GB", [150.0, 150.0, 273.0], "A100_EMBODIED"),
    ("nvidia-a100-80gb", "NVIDIA A100 SXM4 80 GB", [150.0, 150.0, 273.0], "A100_EMBODIED"),
    ("nvidia-h100-sxm", "NVIDIA H100 SXM5 80GB", [164.0, 273.0, 575.0], "H100_EMBODIED"),
    ("nvidia-h100-pcie", "NVIDIA H100 PCIe", [164.0, 273.0, 575.0], "H100_EMBODIED_PROXY"),
    ("nvidia-h200-sxm", "NVIDIA H200 SXM", [164.0, 273.0, 575.0], "H100_EMBODIED_PROXY"),
    ("nvidia-b200", "NVIDIA B200", [164.0, 273.0, 575.0], "H100_EMBODIED_PROXY"),
    ("amd-mi300x", "AMD Instinct MI300X", [164.0, 273.0, 575.0], "H100_EMBODIED_PROXY"),
];

struct Accelerator {
    id: &'static str,
    name: String,
    release: String,
    tdp_w: f64,
    memory_gb: f64,
    bf16_flops: f64,
    fp8_flops: Option<f64>,
    embodied: [f64; 3],
    embodied_source: &'static str,
}

fn read_accelerators(path: &Path) -> Result<Vec<Accelerator>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let column = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| format!("epoch csv: no column {name}"))
    };
    let (name_c, date_c, tdp_c, mem_c, bf16_c, fp8_c) = (
        column("Hardware name")?,
        column("Release date")?,
        column("TDP (W)")?,
        column("Memory (bytes)")?,
        column("Tensor-FP16/BF16 performance (FLOP/s)")?,
        column("FP8 performance (FLOP/s)")?,
    );
    let rows: Vec<csv::StringRecord> =
        reader.records().collect::<Result<_, _>>().map_err(|e| e.to_string())?;
    ACCELERATORS
        .iter()
        .map(|&(id, epoch_name, embodied, embodied_source)| {
            let row = rows
                .iter()
                .find(|r| &r[name_c] == epoch_name)
                .ok_or_else(|| format!("epoch csv: no row {epoch_name}"))?;
            let number = |i: usize| row[i].trim().parse::<f64>().ok();
            Ok(Accelerator {
                id,
                name: epoch_name.to_owned(),
                release: row[date_c].to_owned(),
                tdp_w: number(tdp_c).ok_or_else(|| format!("{epoch_name}: no TDP"))?,
                memory_gb: number(mem_c).ok_or_else(|| format!("{epoch_name}: no memory"))? / 1e9,
                bf16_flops: number(bf16_c)
                    .ok_or_else(|| format!("{epoch_name}: no BF16 FLOP/s"))?,
                fp8_flops: number(fp8_c),
                embodied,
                embodied_source,
            })
        })
        .collect()
}

fn render_accelerators(accelerators: &[Accelerator]) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "//! Accelerator catalogue: TDP, memory and peak FLOP/s from Epoch AI's Machine Learning\n\
         //! Hardware data (CC BY 4.0); embodied carbon from the studies named by each source.\n\n\
         use super::super::accelerators::Accelerator;\nuse super::super::sources::*;\n\n\
         /// Every catalogued accelerator.\npub static ACCELERATORS: &[Accelerator] = &[\n",
    );
    for a in accelerators {
        let _ = writeln!(
            out,
            "    Accelerator {{ id: {:?}, name: {:?}, release: {:?}, tdp_w: {}, memory_gb: {}, \
             bf16_flop_per_s: {}, fp8_flop_per_s: {}, embodied_kg: crate::Estimate::new({}, {}, {}), \
             embodied_source: &{}, spec_source: &EPOCH_HARDWARE }},",
            a.id,
            a.name,
            a.release,
            float(a.tdp_w),
            float(a.memory_gb),
            float(a.bf16_flops),
            option(a.fp8_flops),
            float(a.embodied[0]),
            float(a.embodied[1]),
            float(a.embodied[2]),
            a.embodied_source,
        );
    }
    out.push_str("];\n");
    out
}

/// OECM regions kept, in the order of the engine's `PathwayRegion` enum.
const OECM_REGIONS: [&str; 3] = ["Global", "Europe", "North America"];
/// Years kept from the pathways: the projection's base year to its furthest year.
const OECM_YEARS: std::ops::RangeInclusive<u16> = 2024..=2035;

/// OECM 1.5 °C electricity-sector intensity (scopes 1+2), tCO2e/MWh, per region and year.
fn read_oecm(path: &Path) -> Result<Vec<(String, Vec<f64>)>, String> {
    let json = read_json(path)?;
    let benchmarks = json["S1S2"]["benchmarks"]
        .as_array()
        .ok_or_else(|| format!("{}: no S1S2 benchmarks", path.display()))?;
    OECM_REGIONS
        .iter()
        .map(|region| {
            let b = benchmarks
                .iter()
                .find(|b| b["sector"] == "Electricity Utilities" && b["region"] == *region)
                .ok_or_else(|| {
                    format!("{}: no electricity pathway for {region}", path.display())
                })?;
            let points = b["projections_nounits"].as_array().cloned().unwrap_or_default();
            let values = OECM_YEARS
                .map(|year| {
                    points
                        .iter()
                        .find(|p| p["year"].as_u64() == Some(u64::from(year)))
                        .and_then(|p| p["value"].as_f64())
                        .ok_or_else(|| format!("{}: {region} has no {year}", path.display()))
                })
                .collect::<Result<Vec<f64>, String>>()?;
            Ok(((*region).to_owned(), values))
        })
        .collect()
}

fn render_oecm(pathways: &[(String, Vec<f64>)]) -> String {
    let mut out = String::from(HEADER);
    let _ = write!(
        out,
        "//! One Earth Climate Model 1.5 °C pathways of the electricity sector's emission intensity\n\
         //! (scopes 1+2, tCO2e/MWh), {first}–{last}, via os-climate/ITR (OECM data CC BY 4.0).\n\n\
         /// Intensity per year from {first}, for Global, Europe and North America.\n\
         pub static OECM_1_5C_T_PER_MWH: [[f64; {n}]; {regions}] = [\n",
        first = OECM_YEARS.start(),
        last = OECM_YEARS.end(),
        n = OECM_YEARS.len(),
        regions = pathways.len(),
    );
    for (region, values) in pathways {
        let values: Vec<String> = values.iter().map(|v| float(*v)).collect();
        let _ = writeln!(out, "    // {region}\n    [{}],", values.join(", "));
    }
    out.push_str("];\n");
    out
}
