"""Interface strings of everything the generator writes (headings, labels, explanations), in every language.

Playbook content carries its own translations; these are the words the generator adds around it, for the
checklists, clauses and reports (PDF, Word, Markdown, text) and for the pages of the site.  One table, one row
per string with its English, Traditional Chinese (Taiwan usage) and Hungarian; a language missing in a row falls
back to English, like :meth:`generator.models.Text.get`.  Strings with ``{name}`` fields are filled with
:meth:`str.format` by the caller.

Terms follow the translated content pages: tactic 招數 / fogás, talk track 對話腳本 / beszélgetésminta,
guardrail 紅線 / korlát, pause point 檢查時機 / megállópont, killer item 關鍵項目 / kritikus tétel,
signal 警訊 / jel, escalation ladder 升級階梯 / a fokozatos szigorítás lépcsői.
"""

from __future__ import annotations

import functools

DEFAULT_LANGUAGE = "en"

LANGUAGE_NAMES: dict[str, str] = {"en": "English", "zh-Hant": "繁體中文", "hu": "Magyar"}
"""Each language's name in itself, for the language switcher."""

STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ checklists, clauses, reports (all outputs)
    "checklist_title": {
        "en": "Get paid in full: {subject}",
        "zh-Hant": "把錢全數收回：{subject}",
        "hu": "A teljes összeg beszedése: {subject}",
    },
    "checklist_title_signals": {
        "en": "Get paid in full when you see: {subject}",
        "zh-Hant": "看到這些狀況時，把錢全數收回：{subject}",
        "hu": "A teljes összeg beszedése, ha ezt látod: {subject}",
    },
    "mode_READ-DO": {
        "en": "READ-DO: read each item aloud, then do it.",
        "zh-Hant": "READ-DO：每一項先唸出來，再照著做。",
        "hu": "READ-DO: olvasd fel hangosan a tételt, aztán végezd el.",
    },
    "mode_DO-CONFIRM": {
        "en": "DO-CONFIRM: do the work from memory, then stop and confirm every item.",
        "zh-Hant": "DO-CONFIRM：先憑記憶把事情做完，再停下來逐項確認。",
        "hu": "DO-CONFIRM: végezd el a munkát fejből, aztán állj meg, és nézd végig az összes tételt.",
    },
    "killer": {"en": "Must not be skipped", "zh-Hant": "不可跳過", "hu": "Nem hagyható ki"},
    "also_consider": {"en": "Also consider", "zh-Hant": "也可以考慮", "hu": "Érdemes még"},
    "from_tactics": {"en": "From the tactics", "zh-Hant": "出自這些招數", "hu": "Ezekből a fogásokból"},
    "version_line": {
        "en": "Collections Playbook {version}, revised {revised}",
        "zh-Hant": "收款實戰手冊 {version}，修訂日期：{revised}",
        "hu": "Követeléskezelési kézikönyv {version}, frissítve: {revised}",
    },
    "situation": {"en": "Situation", "zh-Hant": "情境", "hu": "Helyzet"},
    "signals": {"en": "Signals", "zh-Hant": "警訊", "hu": "Jelek"},
    "ranked_tactics": {
        "en": "Tactics that apply, best match first",
        "zh-Hant": "適用的招數，最貼切的排最前面",
        "hu": "Ide illő fogások, a legjobb egyezés elöl",
    },
    "matched_because": {"en": "Why", "zh-Hant": "原因", "hu": "Miért"},
    "no_match": {
        "en": "No tactic matches these signals. Check the signals, or read the escalation ladder.",
        "zh-Hant": "沒有招數符合這些警訊。請再檢查一次警訊，或看看升級階梯。",
        "hu": "Egyik fogás sem illik ezekre a jelekre. Nézd át a jeleket, vagy olvasd el a fokozatos szigorítás "
              "lépcsőit.",
    },
    "checklist": {"en": "Checklist", "zh-Hant": "檢核表", "hu": "Ellenőrzőlista"},
    "purpose": {"en": "Purpose", "zh-Hant": "用途", "hu": "Cél"},
    "clause_text": {"en": "Clause", "zh-Hant": "條款", "hu": "Kikötés"},
    "alternative": {"en": "Wording", "zh-Hant": "措辭", "hu": "Megfogalmazás"},
    "drafting_notes": {"en": "Drafting notes", "zh-Hant": "擬稿說明", "hu": "Tanácsok a szövegezéshez"},
    "jurisdiction_notes": {"en": "Jurisdiction notes", "zh-Hant": "各地法律說明",
                           "hu": "Országonkénti jogi megjegyzések"},
    "jurisdiction_cn": {"en": "China (PRC)", "zh-Hant": "中國大陸", "hu": "Kína"},
    "jurisdiction_hu": {"en": "Hungary", "zh-Hant": "匈牙利", "hu": "Magyarország"},
    "jurisdiction_eu": {"en": "European Union", "zh-Hant": "歐盟", "hu": "Európai Unió"},
    "suggested": {"en": "suggested", "zh-Hant": "建議", "hu": "javaslat"},
    "not_legal_advice": {
        "en": "A template, not legal advice: have a lawyer check it for your jurisdiction before you use it.",
        "zh-Hant": "這是範本，不構成法律意見：使用前，請律師依你所在地的法律看過。",
        "hu": "Ez minta, nem jogi tanácsadás: használat előtt nézesd át egy ügyvéddel a saját jogrendszered szerint.",
    },
    "phase": {"en": "Phase", "zh-Hant": "階段", "hu": "Szakasz"},
    "coverage": {
        "en": "{count} of {total} signals matched",
        "zh-Hant": "{total} 個警訊中符合 {count} 個",
        "hu": "{total} jelből {count} illik",
    },
    # ------------------------------------------------------------------------------ plans and letters (issue 10)
    "plan_title": {"en": "Collection plan: {customer}", "zh-Hant": "收款計畫：{customer}",
                   "hu": "Behajtási terv: {customer}"},
    "plan_invoice": {"en": "{amount}, due on {due}", "zh-Hant": "{amount}，付款日{due}",
                     "hu": "{amount}, fizetési határidő: {due}"},
    "plan_intro": {
        "en": "One dated action a step, from the tactics. Do each on its day; the dates are counted from the "
              "due date.",
        "zh-Hant": "每一步都是一個有日期的行動，出自各個招數。照日期逐項去做；日期都從付款日往前或往後算。",
        "hu": "Minden lépés egy dátumhoz kötött teendő a fogásokból. Mindegyiket a maga napján végezd el; a "
              "dátumok a fizetési határidőtől számítanak.",
    },
    "plan_before": {"en": "{count} days before the due date", "zh-Hant": "付款日前{count}天",
                    "hu": "{count} nappal a fizetési határidő előtt"},
    "plan_before_one": {"en": "1 day before the due date", "zh-Hant": "付款日前1天",
                        "hu": "1 nappal a fizetési határidő előtt"},
    "plan_on": {"en": "on the due date", "zh-Hant": "付款日當天", "hu": "a fizetési határidő napján"},
    "plan_after": {"en": "{count} days after the due date", "zh-Hant": "付款日後{count}天",
                   "hu": "{count} nappal a fizetési határidő után"},
    "plan_after_one": {"en": "1 day after the due date", "zh-Hant": "付款日後1天",
                       "hu": "1 nappal a fizetési határidő után"},
    "plan_late": {"en": "planned for {date}, which has passed: do it today",
                  "zh-Hant": "原定{date}，日期已過：今天就做",
                  "hu": "eredetileg {date} napjára tervezve, ez már elmúlt: intézd el ma"},
    "plan_say": {"en": "What to say", "zh-Hant": "怎麼說", "hu": "Mit mondj"},
    "plan_tactic": {"en": "Tactic", "zh-Hant": "招數", "hu": "Fogás"},
    "plan_letter": {"en": "Letter", "zh-Hant": "信函", "hu": "Levél"},
    "plan_make_letter": {"en": "Make the letter with", "zh-Hant": "產生信函的指令", "hu": "A levél elkészítése"},
    "letter_subject": {"en": "Subject", "zh-Hant": "主旨", "hu": "Tárgy"},
    "letter_notes": {"en": "Before you send it (not part of the letter)", "zh-Hant": "寄出前請注意（不屬於信函內容）",
                     "hu": "Küldés előtt (nem része a levélnek)"},
    # ------------------------------------------------------------------------------------------ site pages
    "colon": {"en": ":", "zh-Hant": "：", "hu": ":"},
    "colon_space": {"en": ": ", "zh-Hant": "：", "hu": ": "},
    "open_quote": {"en": '"', "zh-Hant": "「", "hu": "„"},
    "close_quote": {"en": '"', "zh-Hant": "」", "hu": "”"},
    "tactic": {"en": "Tactic", "zh-Hant": "招數", "hu": "Fogás"},
    "extra_technique": {"en": "Extra technique", "zh-Hant": "補充招數", "hu": "Kiegészítő fogás"},
    "when": {"en": "When to use it", "zh-Hant": "什麼時候用", "hu": "Mikor használd"},
    "people_say": {"en": "What people type or say", "zh-Hant": "大家會怎麼說、怎麼搜尋",
                   "hu": "Amit beírnak vagy mondanak"},
    "steps": {"en": "Steps", "zh-Hant": "步驟", "hu": "Lépések"},
    "talk_tracks": {"en": "Talk tracks", "zh-Hant": "對話腳本", "hu": "Beszélgetésminták"},
    "red_flags": {"en": "Red flags", "zh-Hant": "危險訊號", "hu": "Figyelmeztető jelek"},
    "donts": {"en": "Don't", "zh-Hant": "不要做的事", "hu": "Amit ne tegyél"},
    "guardrails": {"en": "Guardrails", "zh-Hant": "紅線", "hu": "Korlátok"},
    "clauses": {"en": "Clauses that back it up", "zh-Hant": "撐腰的合約條款",
                "hu": "Kikötések, amelyek alátámasztják"},
    "situations": {"en": "Situations where it applies", "zh-Hant": "適用的情境",
                   "hu": "Helyzetek, amelyekben használható"},
    "related_tactics": {"en": "Related tactics", "zh-Hant": "相關招數", "hu": "Kapcsolódó fogások"},
    "write_down": {"en": "Write down", "zh-Hant": "寫下來", "hu": "Írd fel"},
    "killer_note": {"en": "must not be skipped", "zh-Hant": "關鍵項目，不可跳過",
                    "hu": "kritikus tétel, nem hagyható ki"},
    "speaker_you": {"en": "You", "zh-Hant": "你", "hu": "Te"},
    "speaker_customer": {"en": "Customer", "zh-Hant": "客戶", "hu": "Vevő"},
    "speaker_staff": {"en": "Staff", "zh-Hant": "員工", "hu": "Munkatárs"},
    "speaker_manager": {"en": "Manager", "zh-Hant": "經理", "hu": "Vezető"},
    "speaker_director": {"en": "Director", "zh-Hant": "總經理", "hu": "Ügyvezető"},
    "supports": {"en": "Tactics it supports", "zh-Hant": "支援的招數", "hu": "Támogatott fogások"},
    "variables": {"en": "Variables", "zh-Hant": "要填的空格", "hu": "Kitöltendő mezők"},
    "variable": {"en": "Variable", "zh-Hant": "欄位", "hu": "Mező"},
    "meaning": {"en": "Meaning", "zh-Hant": "意思", "hu": "Jelentés"},
    "type": {"en": "Type", "zh-Hant": "類型", "hu": "Típus"},
    "required": {"en": "Required", "zh-Hant": "必填", "hu": "Kötelező"},
    "example": {"en": "Example", "zh-Hant": "範例", "hu": "Példa"},
    "default": {"en": "Default", "zh-Hant": "預設值", "hu": "Alapérték"},
    "yes": {"en": "yes", "zh-Hant": "是", "hu": "igen"},
    "no": {"en": "no", "zh-Hant": "否", "hu": "nem"},
    "alternatives": {"en": "Wordings", "zh-Hant": "條文措辭", "hu": "Megfogalmazások"},
    "use_when": {"en": "Use it when", "zh-Hant": "適用時機", "hu": "Akkor használd, ha"},
    "downloads": {"en": "Downloads", "zh-Hant": "下載", "hu": "Letöltések"},
    "download_docx": {"en": "Word document (.docx), balanced wording", "zh-Hant": "Word 檔（.docx），平衡版措辭",
                      "hu": "Word-dokumentum (.docx), kiegyensúlyozott megfogalmazás"},
    "download_txt": {"en": "Plain text (.txt), every wording", "zh-Hant": "純文字檔（.txt），所有措辭",
                     "hu": "Egyszerű szöveg (.txt), minden megfogalmazás"},
    "download_pdf": {"en": "Printable checklist (PDF, one A4 page)", "zh-Hant": "可列印的檢核表（PDF，一頁 A4）",
                     "hu": "Nyomtatható ellenőrzőlista (PDF, egy A4-es oldal)"},
    "not_legal_advice_long": {
        "en": "This clause is a template, not legal advice. Have a lawyer check it for your jurisdiction before "
              "you use it.",
        "zh-Hant": "這個條款是範本，不構成法律意見。使用之前，請律師依你所在地的法律看過。",
        "hu": "Ez a kikötés minta, nem jogi tanácsadás. Mielőtt használod, ellenőriztesd egy ügyvéddel a saját "
              "jogrendszered szerint.",
    },
    "copy_hint": {
        "en": "The copy button at the top right of each wording puts the text on your clipboard; the parts in "
              "square brackets are the blanks to fill in.",
        "zh-Hant": "按每段措辭右上角的複製按鈕，就能把文字放進剪貼簿；方括號裡的部分是要填的空格。",
        "hu": "Minden megfogalmazás jobb felső sarkában a másolás gomb a vágólapra teszi a szöveget; a szögletes "
              "zárójelben álló részek a kitöltendő helyek.",
    },
    "matched_tactics": {"en": "Tactics that apply, best match first", "zh-Hant": "適用的招數，最貼切的排最前面",
                        "hu": "Ide illő fogások, a legjobb egyezés elöl"},
    "why": {"en": "Why", "zh-Hant": "原因", "hu": "Miért"},
    "no_match_yet": {"en": "No tactic matches these signals yet.", "zh-Hant": "目前還沒有招數符合這些警訊。",
                     "hu": "Ezekre a jelekre még egyik fogás sem illik."},
    "lawful": {"en": "What is lawful", "zh-Hant": "合法的做法", "hu": "Ami megengedett"},
    "never": {"en": "Never", "zh-Hant": "絕對不可以", "hu": "Soha"},
    "call_a_lawyer": {"en": "When to call a lawyer", "zh-Hant": "什麼時候該找律師", "hu": "Mikor hívj ügyvédet"},
    "references": {"en": "References", "zh-Hant": "參考依據", "hu": "Hivatkozások"},
    "tactics_bound": {"en": "Tactics it limits", "zh-Hant": "受這條紅線約束的招數",
                      "hu": "Fogások, amelyeket korlátoz"},
    "situations_bound": {"en": "Situations where it matters", "zh-Hant": "特別要留意的情境",
                         "hu": "Helyzetek, ahol számít"},
    "signals_title": {"en": "What are you seeing?", "zh-Hant": "你看到了什麼？", "hu": "Mit látsz?"},
    "signals_intro": {
        "en": "Find what you notice at the customer, then open the tactics it points to. Each signal lists the "
              "tactics it triggers and, in plain words, when.",
        "zh-Hant": "找出你在客戶那裡注意到的狀況，再打開它指向的招數。"
                   "每個警訊都列出會啟動哪些招數，並用白話說明在什麼時候。",
        "hu": "Keresd meg, mit veszel észre a vevőnél, és nyisd meg a fogásokat, amelyekre mutat. Minden jelnél "
              "ott áll, mely fogásokat indítja el, és egyszerű szavakkal az is, hogy mikor.",
    },
    "signal_group_customer": {"en": "The customer", "zh-Hant": "客戶本身", "hu": "A vevő"},
    "signal_group_deal": {"en": "The deal", "zh-Hant": "這筆生意", "hu": "Az üzlet"},
    "signal_group_contract": {"en": "The contract", "zh-Hant": "合約", "hu": "A szerződés"},
    "signal_group_monitoring": {"en": "While the goods are out", "zh-Hant": "貨在客戶手上時",
                                "hu": "Amíg az áru kint van"},
    "signal_group_timing": {"en": "Timing", "zh-Hant": "時間點", "hu": "Időzítés"},
    "signal_group_visit": {"en": "At the visit", "zh-Hant": "拜訪時", "hu": "A látogatáson"},
    "signal_group_payment": {"en": "Payments", "zh-Hant": "付款", "hu": "Befizetések"},
    "signal_group_mindset": {"en": "How you feel about it", "zh-Hant": "你自己的心態", "hu": "Ahogy te érzed"},
    "no_tactic_for_signal": {"en": "No tactic reacts to this signal alone.",
                             "zh-Hant": "沒有招數只憑這個警訊就啟動。",
                             "hu": "Önmagában erre a jelre egyik fogás sem reagál."},
    # ------------------------------------------------------------------------------- situation picker (issue 9)
    "picker_title": {"en": "Tick what you see", "zh-Hant": "勾選你看到的狀況", "hu": "Jelöld be, amit látsz"},
    "picker_intro": {
        "en": "Tick every signal you notice at the customer. The tactics that fit appear below at once, best match "
              "first, with the reasons and one merged checklist to print. It all runs in your browser: nothing is "
              "sent anywhere, and the page also works offline.",
        "zh-Hant": "把你在客戶那裡注意到的警訊都勾起來。適用的招數會立刻出現在下方，最貼切的排最前面，"
                   "附上原因和一份合併好、可列印的檢核表。一切都在你的瀏覽器裡完成，不會送出任何資料，離線也能用。",
        "hu": "Jelölj be minden jelet, amelyet a vevőnél észreveszel. Lent azonnal megjelennek az ide illő fogások, "
              "a legjobb egyezés elöl, az indoklással és egyetlen összevont, nyomtatható ellenőrzőlistával. Minden a "
              "böngésződben történik: semmi sem megy el sehová, és az oldal internet nélkül is működik.",
    },
    "picker_all_signals": {"en": "Every signal with the tactics it triggers", "zh-Hant": "所有警訊和它們啟動的招數",
                           "hu": "Minden jel a fogásokkal, amelyeket elindít"},
    "picker_open": {"en": "Tick what you see: tactics and checklist at once",
                    "zh-Hant": "勾選你看到的狀況：立刻得到招數和檢核表",
                    "hu": "Jelöld be, amit látsz: azonnal megkapod a fogásokat és az ellenőrzőlistát"},
    "picker_noscript": {
        "en": "Ticking needs JavaScript, which is turned off. The list of every signal above still shows which "
              "tactics each one triggers.",
        "zh-Hant": "勾選功能需要 JavaScript，但目前已關閉。上方的警訊清單仍然列出每個警訊會啟動哪些招數。",
        "hu": "A bejelöléshez JavaScript kell, de ki van kapcsolva. A fenti, minden jelet felsoroló oldal így is "
              "megmutatja, melyik jel mely fogásokat indítja el.",
    },
    "picker_results": {"en": "What to do", "zh-Hant": "該怎麼做", "hu": "Mit tegyél"},
    "picker_empty": {"en": "Tick at least one signal to see the tactics that fit.",
                     "zh-Hant": "至少勾選一個警訊，就會看到適用的招數。",
                     "hu": "Jelölj be legalább egy jelet, és megjelennek az ide illő fogások."},
    "picker_status": {"en": "Tactics that apply: {count}. Checklist items: {items}.",
                      "zh-Hant": "適用的招數：{count} 個。檢核項目：{items} 項。",
                      "hu": "Ide illő fogások: {count}. Ellenőrzőlista-tételek: {items}."},
    "picker_status_none": {"en": "No tactic matches the ticked signals.", "zh-Hant": "沒有招數符合勾選的警訊。",
                           "hu": "A bejelölt jelekre egyik fogás sem illik."},
    "picker_share": {"en": "Link to these ticks", "zh-Hant": "這組勾選的連結", "hu": "Hivatkozás erre a jelölésre"},
    "picker_print": {"en": "Print the results", "zh-Hant": "列印結果", "hu": "Az eredmény nyomtatása"},
    "picker_clear": {"en": "Clear all ticks", "zh-Hant": "清除所有勾選", "hu": "Minden jelölés törlése"},
    "ladder_title": {"en": "The escalation ladder", "zh-Hant": "升級階梯", "hu": "A fokozatos szigorítás lépcsői"},
    "ladder_intro": {
        "en": "From the first conversation about credit to the court: each step is a tactic, in the order of the "
              "work. Click a step to open it.",
        "zh-Hant": "從第一次談賒帳一路到上法院：每一階都是一個招數，依工作順序排列。點一下就能打開。",
        "hu": "Az első hitelbeszélgetéstől a bíróságig: minden lépcsőfok egy fogás, a munka sorrendjében. "
              "Kattints egy lépésre, és megnyílik.",
    },
    "court": {"en": "Court or payment order", "zh-Hant": "法院或支付令", "hu": "Bíróság vagy fizetési meghagyás"},
    "phases_title": {"en": "Phases", "zh-Hant": "階段", "hu": "Szakaszok"},
    "pause_points": {"en": "Pause points with checklists", "zh-Hant": "附檢核表的檢查時機",
                     "hu": "Megállópontok ellenőrzőlistával"},
    "tactics_title": {"en": "Tactics", "zh-Hant": "招數", "hu": "Fogások"},
    "tactics_intro": {"en": "The twelve numbered tactics and the extra techniques, by phase.",
                      "zh-Hant": "十二個編號招數和補充招數，依階段排列。",
                      "hu": "A tizenkét számozott fogás és a kiegészítő fogások, szakaszok szerint."},
    "clauses_title": {"en": "Clause library", "zh-Hant": "條款庫", "hu": "Kikötések gyűjteménye"},
    "clauses_intro": {
        "en": "Contract clauses that make the tactics enforceable, each with a balanced and a seller-friendly "
              "wording, Word and text downloads.",
        "zh-Hant": "讓招數在法律上站得住腳的合約條款：每一條都有平衡版和偏向賣方的措辭，可下載 Word 檔和純文字檔。",
        "hu": "Szerződési kikötések, amelyekkel a fogások érvényesíthetők: mindegyik kiegyensúlyozott és "
              "eladóbarát megfogalmazásban, Word- és szöveges letöltéssel.",
    },
    "situations_title": {"en": "Situations", "zh-Hant": "情境", "hu": "Helyzetek"},
    "situations_intro": {
        "en": "Situations as salespeople describe them, each with the tactics that apply and a one-page "
              "checklist to print.",
        "zh-Hant": "用業務自己的話描述的情境，每一個都附上適用的招數，和一頁可列印的檢核表。",
        "hu": "Helyzetek úgy, ahogy az értékesítők elmesélik, mindegyik a hozzá illő fogásokkal és egyoldalas, "
              "nyomtatható ellenőrzőlistával.",
    },
    "guardrails_title": {"en": "Guardrails", "zh-Hant": "紅線", "hu": "Korlátok"},
    "guardrails_intro": {"en": "The rules of law and ethics every tactic stays within.",
                         "zh-Hant": "每一招都不能越過的法律與職業道德界線。",
                         "hu": "A jogi és etikai szabályok, amelyeken belül minden fogás marad."},
    "tags_title": {"en": "Topics by phase and role", "zh-Hant": "依階段與角色分類",
                   "hu": "Témák szakasz és szerep szerint"},
    "tags_intro": {
        "en": "Every tactic, situation and clause, grouped by the phase of the work and by who needs it.",
        "zh-Hant": "所有招數、情境和條款，依工作階段和使用的人分組。",
        "hu": "Minden fogás, helyzet és kikötés a munka szakasza és aszerint csoportosítva, hogy kinek kell.",
    },
    "role_new_hire": {"en": "Role: new hire", "zh-Hant": "角色：業務新人", "hu": "Szerep: új kolléga"},
    "role_trainer": {"en": "Role: trainer", "zh-Hant": "角色：講師", "hu": "Szerep: oktató"},
    "role_drafter": {"en": "Role: drafter", "zh-Hant": "角色：擬約人員", "hu": "Szerep: szerződésfogalmazó"},
    "phase_tag": {"en": "Phase: {label}", "zh-Hant": "階段：{label}", "hu": "Szakasz: {label}"},
    "trainer_pack": {"en": "Trainer pack: every checklist in one PDF", "zh-Hant": "講師包：所有檢核表合成一份 PDF",
                     "hu": "Oktatói csomag: minden ellenőrzőlista egy PDF-ben"},
    "nav_start": {"en": "Start", "zh-Hant": "從這裡開始", "hu": "Kezdés"},
    "nav_guide": {"en": "Guide", "zh-Hant": "使用指南", "hu": "Útmutató"},
    "nav_authors": {"en": "Authors", "zh-Hant": "作者專區", "hu": "Szerzőknek"},
    "untranslated_title": {"en": "Not translated yet", "zh-Hant": "尚未翻譯", "hu": "Még nincs lefordítva"},
    "untranslated_page": {"en": "This page has not been translated yet, so it is shown in English.",
                          "zh-Hant": "本頁尚未翻譯，目前顯示英文原文。",
                          "hu": "Ez az oldal még nincs lefordítva, ezért angolul látod."},
    "untranslated_parts": {"en": "Parts of this page have not been translated yet and are shown in English.",
                           "zh-Hant": "本頁有部分內容尚未翻譯，以英文原文顯示。",
                           "hu": "Az oldal egyes részei még nincsenek lefordítva, ezért angolul látod őket."},
}


def ui(language: str, key: str, **fields: str) -> str:
    """The interface string ``key`` in ``language`` (English where missing), with ``fields`` filled in."""
    row = STRINGS[key]
    text = row.get(language) or row[DEFAULT_LANGUAGE]
    return text.format(**fields) if fields else text


@functools.cache
def strings(language: str) -> dict[str, str]:
    """Every interface string in ``language``, English filling the gaps: what templates receive.

    Built once per language and shared by every caller (a build asks for it once per page and checklist):
    treat the dictionary as read-only; copy it before changing anything in it."""
    return {key: row.get(language) or row[DEFAULT_LANGUAGE] for key, row in STRINGS.items()}


def missing_strings(languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(key, language)`` for every interface string that lacks one of ``languages``."""
    return [(key, language) for key, row in STRINGS.items() for language in languages if not row.get(language)]
