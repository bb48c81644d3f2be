//! Simplified Chinese (简体中文).

use engine::portfolio::{LlmTask, Task};
use engine::{Inapplicable, Problem, Working};

use super::Texts;
use crate::format::significant;

fn problem(p: &Problem) -> String {
    match p {
        Problem::NotANumber => "请输入数字。".into(),
        Problem::TooSmall { min } => format!("不能小于 {}。", significant(*min, 6)),
        Problem::TooLarge { max } => format!("不能大于 {}。", significant(*max, 6)),
        Problem::Empty => "不能为空。".into(),
        Problem::UnknownLocation(id) => format!("未知地点“{id}”。"),
        Problem::UnknownModel(id) => format!("未知模型“{id}”。"),
        Problem::UnknownAccelerator(id) => format!("未知加速器“{id}”。"),
        Problem::ActiveAboveTotal => "激活参数不能超过总参数。".into(),
        Problem::NotApplicable(why) => {
            let why = match why {
                Inapplicable::ClassicFineTuneTask => {
                    "传统机器学习微调仅涵盖表格、计算机视觉和自然语言处理"
                }
                Inapplicable::TokenPricesNeedLlm => "词元价格仅适用于大语言模型用例",
                Inapplicable::NoCatalogueApiPrice => "目录中没有该模型的 API 价格",
                Inapplicable::NoHourlyPrice => "该加速器没有公开的小时价格：请输入一个",
            };
            format!("不适用：{why}。")
        }
        Problem::UnsupportedSchema { found, supported } => {
            format!("不支持文件格式版本 {found}（本版本读取版本 {supported}）。")
        }
    }
}

fn llm_task(t: LlmTask) -> &'static str {
    match t {
        LlmTask::Chat => "对话：在聊天中回答问题",
        LlmTask::Rag => "RAG：根据公司文档回答",
        LlmTask::Agent => "智能体：分多步完成任务",
    }
}

fn task_name(t: Task) -> &'static str {
    match t {
        Task::Tabular => "表格数据的传统机器学习（欺诈、流失、预测）",
        Task::ComputerVision => "传统计算机视觉",
        Task::Nlp => "传统自然语言处理",
        Task::TextClassification => "文本分类",
        Task::ImageClassification => "图像分类",
        Task::ObjectDetection => "目标检测",
        Task::TextGeneration => "文本生成（专用模型）",
        Task::Summarisation => "摘要",
        Task::ImageCaptioning => "图像描述",
        Task::ImageGeneration => "图像生成",
    }
}

fn preset_name(id: &str) -> &'static str {
    match id {
        "support_chatbot" => "客服聊天机器人",
        "coding_assistant" => "编程助手",
        "rag_documents" => "基于内部文档的 RAG",
        "agentic_workflow" => "智能体工作流",
        "fraud_detection" => "欺诈检测模型",
        "marketing_images" => "营销图像生成",
        "fine_tune_small_model" => "微调小型开源模型",
        _ => "用例",
    }
}

fn equivalent(id: &str) -> &'static str {
    match id {
        "car_km" => "公里普通汽车行驶",
        "flight_km" => "人公里经济舱飞行",
        "tree_years" => "棵树一年吸收的二氧化碳",
        "showers" => "次普通淋浴的用水",
        "household_years" => "年美国家庭用电",
        _ => "",
    }
}

fn step_label(id: &str) -> &'static str {
    match id {
        "memory" => "模型内存",
        "slices" => "占用的 10 GB A100 分片数",
        "ttft" => "首个词元时间",
        "throughput" => "输出速度",
        "time" => "每次调用时间（首个词元 + 输出词元 ÷ 速度）",
        "compute" => "每次调用计算能耗（分片 × 50.1 W × PUE × 时间）",
        "storage" => "每次调用存储能耗（请求保存一年）",
        "network" => "每次调用网络能耗（0.0342 kWh/GB）",
        "prefill" => "每次调用读取提示（预填充）的 IT 能耗",
        "calls" => "每个请求的模型调用次数",
        "gpus" => "承载模型的 H100 GPU 数",
        "gpu_per_token" => "每个 GPU 每个输出词元的能耗",
        "generation" => "生成时间",
        "server" => "服务器分摊（时间 × 1.2 kW × GPU ÷ 8 ÷ 64）",
        "gpu" => "GPU 能耗（GPU × 词元 × 每词元能耗）",
        "facility" => "每次调用能耗（IT × PUE）",
        "per_inference" => "每次推理的 IT 能耗（实测）",
        "hours" => "每次运行的加速器小时",
        "power" => "每个加速器的平均功率",
        "pue" => "数据中心 PUE",
        "grid" => "电网碳强度（基于位置）",
        "offsite_water" => "每千瓦时发电用水（场外）",
        "onsite_water" => "每千瓦时 IT 能耗的冷却用水（场内）",
        "runs" => "每年运行次数",
        _ => "",
    }
}

fn estimator_used(w: &Working) -> &'static str {
    match w {
        Working::Paper { .. } => "凯捷 2025 估算方法",
        Working::Ecologits { .. } => "EcoLogits 估算方法",
        Working::Task { .. } => "每次推理的实测能耗",
        Working::Training { .. } => "训练计算量",
    }
}

pub static TEXTS: Texts = Texts {
    app_title: "AI 足迹",
    tagline: "在浏览器中计算您的 AI 的能耗、碳排放、用水和成本。您输入的任何内容都不会离开此页面。",
    footer_methodology: "方法版本",
    footer_data: "参考数据",
    language: "语言",
    theme: "主题",
    theme_auto: "自动",
    theme_light: "浅色",
    theme_dark: "深色",
    portfolio: "组合",
    portfolio_name: "组合名称",
    new_portfolio: "新建组合",
    delete_portfolio: "删除组合",
    untitled_portfolio: "未命名组合",
    default_portfolio: "我的 AI 组合",
    examples: "示例",
    example_small: "小团队：一个聊天机器人",
    example_company: "中型企业：各部门的 AI",
    load_example: "打开示例",
    export_json: "导出组合（JSON）",
    import_json: "导入组合（JSON）",
    export_csv: "导出结果（CSV）",
    share_link: "复制分享链接",
    share_copied: "链接已复制。它包含整个组合，不会存储在任何服务器上。",
    share_copy_manually: "请复制此链接：",
    imported: |name| format!("已将“{name}”导入为新组合。"),
    import_refused: |why| format!("该文件未导入，内容未作任何更改：{why}"),
    link_refused: |why| format!("无法打开该链接，内容未作任何更改：{why}"),
    opened_shared: |name| format!("已将分享的组合“{name}”打开为新组合。"),
    storage_failed: |why| format!("无法在此浏览器中保存您的工作：{why}。请导出以保留。"),
    stored_newer: "发现由更新版本的 AI 足迹保存的组合；它们保持原样，本次会话重新开始。",
    use_cases: "用例",
    add_use_case: "添加用例",
    add_from_preset: "从模板开始",
    empty_portfolio: "尚无用例：请从下方模板添加。",
    edit: "编辑",
    close: "关闭",
    duplicate: "复制",
    remove: "移除",
    move_up: "上移",
    move_down: "下移",
    copy_suffix: "（副本）",
    removed: |name| format!("已移除“{name}”。"),
    undo: "撤销",
    dismiss: "关闭提示",
    preset_name,
    name: "名称",
    kind: "AI 类型",
    kind_llm: "大语言模型（对话、RAG、智能体）",
    kind_task: "图像生成或传统机器学习",
    kind_training: "训练或微调",
    what_does_it_do: "它做什么？",
    llm_task,
    task_name,
    which_model: "哪个模型？",
    model_small: "小（8B）",
    model_medium: "中（70B）",
    model_large: "大（405B）",
    model_catalogue: "指定模型",
    model_custom: "自定义规模",
    catalogue_model: "模型",
    total_parameters: "总参数",
    active_parameters: "每个词元的激活参数",
    billions: "十亿",
    answer_length: "每个回答有多长？",
    prompt_length: "每个提示有多长？",
    tokens_hint: "词元（约 ¾ 个英文单词或 1–2 个汉字）",
    quantization: "权重精度",
    bits: "位",
    how_often: "使用频率？",
    volume_per_day: "每天次数",
    volume_per_user: "人数 × 每人次数",
    volume_per_year: "每年次数",
    times_per_day: "每天多少次？",
    how_many_people: "有多少人使用？",
    times_per_person: "每人每个工作日使用几次？",
    days_per_year: "每年运行天数",
    times_per_year: "每年多少次？",
    per_day_unit: "次/天",
    people_unit: "人",
    per_person_unit: "次/人/天",
    days_unit: "天",
    per_year_unit: "次/年",
    where_runs: "在哪里运行？",
    group_api: "AI API 提供商",
    group_countries: "国家和世界区域",
    group_grids: "国家内的电网",
    group_cloud: "云区域",
    advanced: "高级",
    pue: "数据中心 PUE",
    pue_hint: "设施能耗 ÷ IT 能耗",
    wue: "场内冷却用水",
    carbon_free_share: "购买的无碳电力比例",
    use_default: "使用默认值",
    cost: "成本",
    cost_none: "不计成本",
    cost_api_catalogue: "公开的 API 价格",
    cost_api_tokens: "我输入的 API 价格",
    cost_hours: "加速器小时",
    price_input: "输入词元价格",
    price_output: "输出词元价格",
    price_hour: "每加速器小时价格",
    price_kwh: "电价",
    usd_per_million: "美元/百万词元",
    usd_per_hour: "美元/小时",
    usd_per_kwh: "美元/千瓦时",
    training_basis: "计算量如何得知？",
    basis_hours: "加速器小时",
    basis_flops: "模型规模和训练词元",
    basis_classic: "传统机器学习微调",
    accelerator: "加速器",
    accelerator_hours: "每次运行的加速器小时",
    training_tokens: "训练词元",
    hours_unit: "小时",
    runs_per_year: "每年运行次数",
    settings: "设置",
    estimator: "大语言模型估算方法",
    estimator_paper: "凯捷 2025（论文）",
    estimator_ecologits: "EcoLogits",
    include_prefill: "计入读取提示的能耗（扩展）",
    equivalents_region: "对照地区",
    region_eu: "欧洲",
    region_us: "美国",
    not_a_number: "不是数字：请输入数字，例如 1500 或 1.5e3。",
    enter_a_number: "请输入数字。",
    problem,
    stale: "正在显示上一个有效结果：请更正标出的字段以更新。",
    footprint_per_year: "每年足迹",
    energy: "能耗",
    carbon: "碳排放",
    water: "用水",
    cost_indicator: "成本",
    range: "范围",
    operational: "运行",
    market_based: "基于市场",
    embodied: "隐含",
    onsite: "场内冷却",
    offsite: "场外发电用水",
    by_use_case: "各用例碳排放",
    other_use_cases: |n| format!("其他 {n} 个用例"),
    by_phase: "按阶段",
    by_scope: "按范围",
    inference: "推理",
    training: "训练",
    show_table: "以表格显示",
    indicator: "指标",
    share_of_total: "占总量比例",
    equivalents: "大约相当于",
    equivalent,
    working: "显示计算过程",
    working_for: |name| format!("“{name}”的计算过程"),
    step: "步骤",
    value: "数值",
    source: "来源",
    step_label,
    methodology_version: "方法版本",
    per_run: "每次运行",
    estimator_used,
};
