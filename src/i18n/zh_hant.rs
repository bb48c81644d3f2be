//! Traditional Chinese (繁體中文).

use engine::portfolio::{LlmTask, Task};
use engine::{Inapplicable, Problem, Working};

use super::Texts;
use crate::format::significant;

fn problem(p: &Problem) -> String {
    match p {
        Problem::NotANumber => "請輸入數字。".into(),
        Problem::TooSmall { min } => format!("不能小於 {}。", significant(*min, 6)),
        Problem::TooLarge { max } => format!("不能大於 {}。", significant(*max, 6)),
        Problem::Empty => "不能為空。".into(),
        Problem::UnknownLocation(id) => format!("未知地點「{id}」。"),
        Problem::UnknownModel(id) => format!("未知模型「{id}」。"),
        Problem::UnknownAccelerator(id) => format!("未知加速器「{id}」。"),
        Problem::ActiveAboveTotal => "啟用參數不能超過總參數。".into(),
        Problem::NotApplicable(why) => {
            let why = match why {
                Inapplicable::ClassicFineTuneTask => {
                    "傳統機器學習微調僅涵蓋表格、電腦視覺與自然語言處理"
                }
                Inapplicable::TokenPricesNeedLlm => "詞元價格僅適用於大型語言模型使用案例",
                Inapplicable::NoCatalogueApiPrice => "目錄中沒有該模型的 API 價格",
                Inapplicable::NoHourlyPrice => "該加速器沒有公開的小時價格：請輸入一個",
            };
            format!("不適用：{why}。")
        }
        Problem::UnsupportedSchema { found, supported } => {
            format!("不支援檔案格式版本 {found}（本版本讀取版本 {supported}）。")
        }
    }
}

fn llm_task(t: LlmTask) -> &'static str {
    match t {
        LlmTask::Chat => "對話：在聊天中回答問題",
        LlmTask::Rag => "RAG：根據公司文件回答",
        LlmTask::Agent => "代理：分多步完成任務",
    }
}

fn task_name(t: Task) -> &'static str {
    match t {
        Task::Tabular => "表格資料的傳統機器學習（詐欺、流失、預測）",
        Task::ComputerVision => "傳統電腦視覺",
        Task::Nlp => "傳統自然語言處理",
        Task::TextClassification => "文字分類",
        Task::ImageClassification => "影像分類",
        Task::ObjectDetection => "物件偵測",
        Task::TextGeneration => "文字生成（專用模型）",
        Task::Summarisation => "摘要",
        Task::ImageCaptioning => "影像描述",
        Task::ImageGeneration => "影像生成",
    }
}

fn preset_name(id: &str) -> &'static str {
    match id {
        "support_chatbot" => "客服聊天機器人",
        "coding_assistant" => "程式設計助理",
        "rag_documents" => "基於內部文件的 RAG",
        "agentic_workflow" => "代理工作流程",
        "fraud_detection" => "詐欺偵測模型",
        "marketing_images" => "行銷影像生成",
        "fine_tune_small_model" => "微調小型開源模型",
        _ => "使用案例",
    }
}

fn equivalent(id: &str) -> &'static str {
    match id {
        "car_km" => "公里一般汽車行駛",
        "flight_km" => "人公里經濟艙飛行",
        "tree_years" => "棵樹一年吸收的二氧化碳",
        "showers" => "次一般淋浴的用水",
        "household_years" => "年美國家庭用電",
        _ => "",
    }
}

fn step_label(id: &str) -> &'static str {
    match id {
        "memory" => "模型記憶體",
        "slices" => "占用的 10 GB A100 分片數",
        "ttft" => "首個詞元時間",
        "throughput" => "輸出速度",
        "time" => "每次呼叫時間（首個詞元 + 輸出詞元 ÷ 速度）",
        "compute" => "每次呼叫運算能耗（分片 × 50.1 W × PUE × 時間）",
        "storage" => "每次呼叫儲存能耗（請求保存一年）",
        "network" => "每次呼叫網路能耗（0.0342 kWh/GB）",
        "prefill" => "每次呼叫讀取提示（預填充）的 IT 能耗",
        "calls" => "每個請求的模型呼叫次數",
        "gpus" => "承載模型的 H100 GPU 數",
        "gpu_per_token" => "每個 GPU 每個輸出詞元的能耗",
        "generation" => "生成時間",
        "server" => "伺服器分攤（時間 × 1.2 kW × GPU ÷ 8 ÷ 64）",
        "gpu" => "GPU 能耗（GPU × 詞元 × 每詞元能耗）",
        "facility" => "每次呼叫能耗（IT × PUE）",
        "per_inference" => "每次推論的 IT 能耗（實測）",
        "hours" => "每次執行的加速器小時",
        "power" => "每個加速器的平均功率",
        "pue" => "資料中心 PUE",
        "grid" => "電網碳強度（基於地點）",
        "offsite_water" => "每度發電用水（場外）",
        "onsite_water" => "每度 IT 能耗的冷卻用水（場內）",
        "runs" => "每年執行次數",
        _ => "",
    }
}

fn estimator_used(w: &Working) -> &'static str {
    match w {
        Working::Paper { .. } => "凱捷 2025 估算方法",
        Working::Ecologits { .. } => "EcoLogits 估算方法",
        Working::Task { .. } => "每次推論的實測能耗",
        Working::Training { .. } => "訓練運算量",
    }
}

pub static TEXTS: Texts = Texts {
    app_title: "AI 足跡",
    tagline: "在瀏覽器中計算您的 AI 的能耗、碳排放、用水與成本。您輸入的任何內容都不會離開此頁面。",
    footer_methodology: "方法版本",
    footer_data: "參考資料",
    language: "語言",
    theme: "主題",
    theme_auto: "自動",
    theme_light: "淺色",
    theme_dark: "深色",
    portfolio: "組合",
    portfolio_name: "組合名稱",
    new_portfolio: "新增組合",
    delete_portfolio: "刪除組合",
    untitled_portfolio: "未命名組合",
    default_portfolio: "我的 AI 組合",
    examples: "範例",
    example_small: "小團隊：一個聊天機器人",
    example_company: "中型企業：各部門的 AI",
    load_example: "開啟範例",
    export_json: "匯出組合（JSON）",
    import_json: "匯入組合（JSON）",
    export_csv: "匯出結果（CSV）",
    share_link: "複製分享連結",
    share_copied: "連結已複製。它包含整個組合，不會儲存在任何伺服器上。",
    share_copy_manually: "請複製此連結：",
    imported: |name| format!("已將「{name}」匯入為新組合。"),
    import_refused: |why| format!("該檔案未匯入，內容未作任何變更：{why}"),
    link_refused: |why| format!("無法開啟該連結，內容未作任何變更：{why}"),
    opened_shared: |name| format!("已將分享的組合「{name}」開啟為新組合。"),
    storage_failed: |why| format!("無法在此瀏覽器中儲存您的工作：{why}。請匯出以保留。"),
    stored_newer: "發現由較新版本的 AI 足跡儲存的組合；它們保持原樣，本次工作階段重新開始。",
    use_cases: "使用案例",
    add_use_case: "新增使用案例",
    add_from_preset: "從範本開始",
    empty_portfolio: "尚無使用案例：請從下方範本新增。",
    edit: "編輯",
    close: "關閉",
    duplicate: "複製",
    remove: "移除",
    move_up: "上移",
    move_down: "下移",
    copy_suffix: "（副本）",
    removed: |name| format!("已移除「{name}」。"),
    undo: "復原",
    dismiss: "關閉提示",
    preset_name,
    name: "名稱",
    kind: "AI 類型",
    kind_llm: "大型語言模型（對話、RAG、代理）",
    kind_task: "影像生成或傳統機器學習",
    kind_training: "訓練或微調",
    what_does_it_do: "它做什麼？",
    llm_task,
    task_name,
    which_model: "哪個模型？",
    model_small: "小（8B）",
    model_medium: "中（70B）",
    model_large: "大（405B）",
    model_catalogue: "指定模型",
    model_custom: "自訂規模",
    catalogue_model: "模型",
    total_parameters: "總參數",
    active_parameters: "每個詞元的啟用參數",
    billions: "十億",
    answer_length: "每個回答有多長？",
    prompt_length: "每個提示有多長？",
    tokens_hint: "詞元（約 ¾ 個英文單字或 1–2 個漢字）",
    quantization: "權重精度",
    bits: "位元",
    how_often: "使用頻率？",
    volume_per_day: "每天次數",
    volume_per_user: "人數 × 每人次數",
    volume_per_year: "每年次數",
    times_per_day: "每天多少次？",
    how_many_people: "有多少人使用？",
    times_per_person: "每人每個工作日使用幾次？",
    days_per_year: "每年執行天數",
    times_per_year: "每年多少次？",
    per_day_unit: "次/天",
    people_unit: "人",
    per_person_unit: "次/人/天",
    days_unit: "天",
    per_year_unit: "次/年",
    where_runs: "在哪裡執行？",
    group_api: "AI API 供應商",
    group_countries: "國家與世界區域",
    group_grids: "國家內的電網",
    group_cloud: "雲端區域",
    advanced: "進階",
    pue: "資料中心 PUE",
    pue_hint: "設施能耗 ÷ IT 能耗",
    wue: "場內冷卻用水",
    carbon_free_share: "購買的無碳電力比例",
    use_default: "使用預設值",
    cost: "成本",
    cost_none: "不計成本",
    cost_api_catalogue: "公開的 API 價格",
    cost_api_tokens: "我輸入的 API 價格",
    cost_hours: "加速器小時",
    price_input: "輸入詞元價格",
    price_output: "輸出詞元價格",
    price_hour: "每加速器小時價格",
    price_kwh: "電價",
    usd_per_million: "美元/百萬詞元",
    usd_per_hour: "美元/小時",
    usd_per_kwh: "美元/度",
    training_basis: "運算量如何得知？",
    basis_hours: "加速器小時",
    basis_flops: "模型規模與訓練詞元",
    basis_classic: "傳統機器學習微調",
    accelerator: "加速器",
    accelerator_hours: "每次執行的加速器小時",
    training_tokens: "訓練詞元",
    hours_unit: "小時",
    runs_per_year: "每年執行次數",
    settings: "設定",
    estimator: "大型語言模型估算方法",
    estimator_paper: "凱捷 2025（論文）",
    estimator_ecologits: "EcoLogits",
    include_prefill: "計入讀取提示的能耗（擴充）",
    equivalents_region: "對照地區",
    region_eu: "歐洲",
    region_us: "美國",
    not_a_number: "不是數字：請輸入數字，例如 1500 或 1.5e3。",
    enter_a_number: "請輸入數字。",
    problem,
    stale: "正在顯示上一個有效結果：請更正標示的欄位以更新。",
    footprint_per_year: "每年足跡",
    energy: "能耗",
    carbon: "碳排放",
    water: "用水",
    cost_indicator: "成本",
    range: "範圍",
    operational: "營運",
    market_based: "基於市場",
    embodied: "隱含",
    onsite: "場內冷卻",
    offsite: "場外發電用水",
    by_use_case: "各使用案例碳排放",
    other_use_cases: |n| format!("其他 {n} 個使用案例"),
    by_phase: "依階段",
    by_scope: "依範疇",
    inference: "推論",
    training: "訓練",
    show_table: "以表格顯示",
    indicator: "指標",
    share_of_total: "占總量比例",
    equivalents: "大約相當於",
    equivalent,
    working: "顯示計算過程",
    working_for: |name| format!("「{name}」的計算過程"),
    step: "步驟",
    value: "數值",
    source: "來源",
    step_label,
    methodology_version: "方法版本",
    per_run: "每次執行",
    estimator_used,
};
