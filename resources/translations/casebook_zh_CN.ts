<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddTagsDialog</name>
    <message>
        <source>Add Tags</source>
        <translation>添加标签</translation>
    </message>
    <message numerus="yes">
        <source>Tags for the %n selected case study(s), separated by commas. Write &lt;i&gt;craft/embroidery&lt;/i&gt; for a tag under &lt;i&gt;craft&lt;/i&gt;.</source>
        <translation>
            <numerusform>为所选的 %n 个案例添加标签，多个标签用逗号分隔。写 &lt;i&gt;craft/embroidery&lt;/i&gt; 表示 &lt;i&gt;craft&lt;/i&gt; 之下的子标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. brick tea, report 2026</source>
        <translation>例如：砖茶, 2026 报告</translation>
    </message>
    <message>
        <source>Type at least one tag.</source>
        <translation>请至少输入一个标签。</translation>
    </message>
</context>
<context>
    <name>AppearanceController</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Could not back up %1 to %2: %3</source>
        <translation>无法将 %1 备份到 %2：%3</translation>
    </message>
    <message>
        <source>Cannot restore: %1 Nothing was changed.</source>
        <translation>无法恢复：%1 未作任何更改。</translation>
    </message>
    <message>
        <source>Cannot restore a catalogue from itself. Nothing was changed.</source>
        <translation>不能用案例库自身来恢复它。未作任何更改。</translation>
    </message>
    <message>
        <source>Could not restore %1 to %2: %3</source>
        <translation>无法将 %1 恢复到 %2：%3</translation>
    </message>
    <message>
        <source>Could not restore %1 into %2: %3</source>
        <translation>无法将 %1 恢复到 %2 中：%3</translation>
    </message>
    <message>
        <source>Could not keep a copy of %1 before restoring: %2. Nothing was changed.</source>
        <translation>恢复前无法保留 %1 的副本：%2。未作任何更改。</translation>
    </message>
</context>
<context>
    <name>CaseConflictDialog</name>
    <message>
        <source>Case Saved by Someone Else</source>
        <translation>案例已被他人保存</translation>
    </message>
    <message>
        <source>%1 while you were editing it. Choose, for each field they changed, the version to keep. Fields only you changed keep your version; nothing is written until you save.</source>
        <translation>%1，当时您正在编辑它。请为对方改动的每个字段选择要保留的版本。只有您改动的字段保留您的版本；在您保存之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>Their version (saved now)</source>
        <translation>对方的版本（当前已保存）</translation>
    </message>
    <message>
        <source>%1
(you both changed it)</source>
        <translation>%1
（双方都改动了）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Save With These Choices</source>
        <translation>按所选保存</translation>
    </message>
    <message>
        <source>Back to the Form</source>
        <translation>返回表单</translation>
    </message>
</context>
<context>
    <name>CaseEdit</name>
    <message>
        <source>Another case study already has the slug “%1”.</source>
        <translation>已有另一个案例使用标识名“%1”。</translation>
    </message>
    <message>
        <source>This case study was changed elsewhere since you opened it (%1).</source>
        <translation>自你打开此案例以来，它已在别处被修改（%1）。</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>note on the Chinese title</source>
        <translation>中文标题说明</translation>
    </message>
    <message>
        <source>slug</source>
        <translation>标识名</translation>
    </message>
    <message>
        <source>sector</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>narrative</source>
        <translation>详述</translation>
    </message>
    <message>
        <source>start year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <source>end year</source>
        <translation>结束年份</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>仍在进行</translation>
    </message>
    <message>
        <source>forms of assistance</source>
        <translation>援助形式</translation>
    </message>
    <message>
        <source>donors</source>
        <translation>援助方</translation>
    </message>
    <message>
        <source>recipients</source>
        <translation>受援方</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人物与机构</translation>
    </message>
    <message>
        <source>That case study no longer exists.</source>
        <translation>该案例已不存在。</translation>
    </message>
    <message>
        <source>Figure %1</source>
        <translation>指标 %1</translation>
    </message>
    <message>
        <source>%1 needs a name.</source>
        <translation>%1需要一个名称。</translation>
    </message>
    <message>
        <source>%1: value</source>
        <translation>%1：数值</translation>
    </message>
    <message>
        <source>%1: low</source>
        <translation>%1：下限</translation>
    </message>
    <message>
        <source>%1: high</source>
        <translation>%1：上限</translation>
    </message>
    <message>
        <source>%1: year</source>
        <translation>%1：年份</translation>
    </message>
    <message>
        <source>%1: the low value must not exceed the high value.</source>
        <translation>%1：下限不得大于上限。</translation>
    </message>
    <message>
        <source>%1: the value must lie inside its range (%2–%3).</source>
        <translation>%1：数值必须在其范围之内（%2–%3）。</translation>
    </message>
    <message>
        <source>%1 needs a value, or both a low and a high.</source>
        <translation>%1需要一个数值，或者同时给出下限和上限。</translation>
    </message>
    <message>
        <source>%1: choose one of %2.</source>
        <translation>%1：请从 %2 中选择一项。</translation>
    </message>
    <message>
        <source>A case study needs a title.</source>
        <translation>案例需要一个标题。</translation>
    </message>
    <message>
        <source>The slug may hold only lower-case letters, digits and single hyphens (for example “jin-embroidery”).</source>
        <translation>标识名只能包含小写字母、数字和单个连字符（例如“jin-embroidery”）。</translation>
    </message>
    <message>
        <source>Start year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <source>End year</source>
        <translation>结束年份</translation>
    </message>
    <message>
        <source>The end year must not come before the start year.</source>
        <translation>结束年份不得早于起始年份。</translation>
    </message>
    <message>
        <source>Person or organisation %1 needs a name.</source>
        <translation>第 %1 个人物或机构需要一个名称。</translation>
    </message>
    <message>
        <source>Choose person or organisation for entry %1.</source>
        <translation>请为第 %1 项选择“人物”或“机构”。</translation>
    </message>
    <message>
        <source>Case %1: %2</source>
        <translation>案例 %1：%2</translation>
    </message>
</context>
<context>
    <name>CaseFormActions</name>
    <message>
        <source>&amp;New Case…</source>
        <translation>新建案例(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit Case…</source>
        <translation>编辑案例(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete Case…</source>
        <translation>删除案例(&amp;D)…</translation>
    </message>
    <message>
        <source>new case &apos;%1&apos;</source>
        <translation>新建案例“%1”</translation>
    </message>
    <message>
        <source>edit case &apos;%1&apos;</source>
        <translation>编辑案例“%1”</translation>
    </message>
    <message>
        <source>%1 saved this case study at %2</source>
        <translation>%1 于 %2 保存了此案例</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <source>Someone else saved this case study</source>
        <translation>他人保存了此案例</translation>
    </message>
    <message>
        <source>Delete the case study “%1” with its figures, notes and highlights? You can undo this.</source>
        <translation>删除案例“%1”及其指标、笔记和标注吗？此操作可以撤销。</translation>
    </message>
    <message>
        <source>Delete this case study with its figures, notes and highlights? You can undo this.</source>
        <translation>删除此案例及其指标、笔记和标注吗？此操作可以撤销。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n case study(s) with their figures, notes and highlights? You can undo this.</source>
        <translation>
            <numerusform>删除这 %n 个案例及其指标、笔记和标注吗？此操作可以撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Case Study</source>
        <translation>删除案例</translation>
    </message>
    <message>
        <source>delete case &apos;%1&apos;</source>
        <translation>删除案例“%1”</translation>
    </message>
    <message numerus="yes">
        <source>delete %n case(s)</source>
        <translation>
            <numerusform>删除 %n 个案例</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <source>Edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <source>New Case Study</source>
        <translation>新建案例</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;hinese title:</source>
        <translation>中文标题(&amp;H)：</translation>
    </message>
    <message>
        <source>optional: the title in Chinese</source>
        <translation>可选：案例的中文标题</translation>
    </message>
    <message>
        <source>Chinese title note:</source>
        <translation>中文标题说明：</translation>
    </message>
    <message>
        <source>where the Chinese title comes from, if no source gives it</source>
        <translation>若没有来源给出中文标题，请注明其出处</translation>
    </message>
    <message>
        <source>&amp;Slug:</source>
        <translation>标识名(&amp;S)：</translation>
    </message>
    <message>
        <source>made from the title if left empty</source>
        <translation>留空则根据标题生成</translation>
    </message>
    <message>
        <source>S&amp;ector:</source>
        <translation>领域(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;ongoing</source>
        <translation>仍在进行(&amp;O)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Years:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Assistance:</source>
        <translation>援助形式：</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>摘要(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Narrative:</source>
        <translation>详述(&amp;N)：</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <source>Year or period</source>
        <translation>年份或时期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Role in this case</source>
        <translation>在本案例中的角色</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物与机构</translation>
    </message>
    <message>
        <source>Donor side</source>
        <translation>援助方</translation>
    </message>
    <message>
        <source>Recipient side</source>
        <translation>受援方</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>援助方</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>受援方</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配之处</translation>
    </message>
</context>
<context>
    <name>CatalogueCopy</name>
    <message>
        <source>%1 is the open catalogue itself; choose another name.</source>
        <translation>%1 就是当前打开的案例库；请另选一个名称。</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 是一个文件夹；请选择一个文件名。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is open in another Casebook window; close it or choose another name.</source>
        <translation>%1 已在另一个 Casebook 窗口中打开；请关闭它或另选一个名称。</translation>
    </message>
    <message>
        <source>Could not save a copy to %1: %2</source>
        <translation>无法将副本保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <source>the case study</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>the tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>a tag on a case</source>
        <translation>案例上的一个标签</translation>
    </message>
    <message>
        <source>the highlight</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>the figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>the source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>a perspective</source>
        <translation>一条观点</translation>
    </message>
    <message>
        <source>the place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>the person or organisation</source>
        <translation>人物或机构</translation>
    </message>
    <message>
        <source>a person of a case</source>
        <translation>案例中的一个人物</translation>
    </message>
    <message>
        <source>a place of a case</source>
        <translation>案例中的一个地点</translation>
    </message>
    <message>
        <source>a source of a case</source>
        <translation>案例中的一个来源</translation>
    </message>
    <message>
        <source>a form of assistance of a case</source>
        <translation>案例中的一种援助形式</translation>
    </message>
    <message>
        <source>the saved search</source>
        <translation>已存搜索</translation>
    </message>
    <message>
        <source>a row of %1</source>
        <translation>%1 表中的一行</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos;</source>
        <translation>%1“%2”</translation>
    </message>
    <message>
        <source>%1 was deleted</source>
        <translation>删除了%1</translation>
    </message>
    <message>
        <source>%1 was added</source>
        <translation>添加了%1</translation>
    </message>
    <message>
        <source>%1 was changed</source>
        <translation>修改了%1</translation>
    </message>
    <message>
        <source>Cannot undo this step: %1 elsewhere since (by another Casebook process or an import). Nothing was changed.</source>
        <translation>无法撤销这一步：此后别处（另一个 Casebook 进程或一次导入）%1。未作任何更改。</translation>
    </message>
    <message>
        <source>Cannot redo this step: %1 elsewhere since (by another Casebook process or an import). Nothing was changed.</source>
        <translation>无法重做这一步：此后别处（另一个 Casebook 进程或一次导入）%1。未作任何更改。</translation>
    </message>
    <message>
        <source>%1 (and %n more)</source>
        <translation>%1（另有 %n 处）</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>Notes of a case study that does not exist</source>
        <translation>属于不存在的案例的笔记</translation>
    </message>
    <message>
        <source>Highlights of a case study that does not exist</source>
        <translation>属于不存在的案例的标注</translation>
    </message>
    <message>
        <source>Tag links to a case study that does not exist</source>
        <translation>指向不存在的案例的标签关联</translation>
    </message>
    <message>
        <source>Tag links to a tag that does not exist</source>
        <translation>指向不存在的标签的标签关联</translation>
    </message>
    <message>
        <source>Highlights with a tag that does not exist</source>
        <translation>带有不存在的标签的标注</translation>
    </message>
    <message>
        <source>Metrics of a case study that does not exist</source>
        <translation>属于不存在的案例的指标</translation>
    </message>
    <message>
        <source>Metrics with neither a value nor a low and a high</source>
        <translation>既无数值、也无上下限的指标</translation>
    </message>
    <message>
        <source>Metrics with a low above their high</source>
        <translation>下限大于上限的指标</translation>
    </message>
    <message>
        <source>Metrics with an unknown qualifier</source>
        <translation>限定词未知的指标</translation>
    </message>
    <message>
        <source>Case studies that end before they start</source>
        <translation>结束早于开始的案例</translation>
    </message>
    <message>
        <source>every note, highlight, tag link and metric belongs to an existing case study</source>
        <translation>每条笔记、标注、标签关联和指标都属于现有的案例</translation>
    </message>
    <message>
        <source>metric values and case study periods are consistent</source>
        <translation>指标数值与案例时期前后一致</translation>
    </message>
    <message>
        <source>%1: no problems found.</source>
        <translation>%1：未发现问题。</translation>
    </message>
    <message>
        <source>%1: %n problem(s) found.</source>
        <translation>%1：发现 %n 个问题。</translation>
    </message>
    <message>
        <source>  problem: %1</source>
        <translation>  问题：%1</translation>
    </message>
    <message>
        <source>  ok: %1</source>
        <translation>  通过：%1</translation>
    </message>
    <message>
        <source>The file is empty or missing: there is no catalogue to check.</source>
        <translation>文件为空或不存在：没有可检查的案例库。</translation>
    </message>
    <message>
        <source>SQLite cannot open the file: %1.</source>
        <translation>SQLite 无法打开该文件：%1。</translation>
    </message>
    <message>
        <source>%1: could not be counted (%2).</source>
        <translation>%1：无法统计（%2）。</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>The file is not marked as a Casebook catalogue.</source>
        <translation>该文件没有 Casebook 案例库的标记。</translation>
    </message>
    <message>
        <source>The catalogue has schema %1; this Casebook updates it to %2 when it opens it for writing.</source>
        <translation>案例库的结构版本为 %1；本 Casebook 以可写方式打开它时会将其升级到 %2。</translation>
    </message>
    <message>
        <source>schema version %1 (the latest)</source>
        <translation>结构版本 %1（最新）</translation>
    </message>
    <message>
        <source>SQLite&apos;s integrity check could not run: %1.</source>
        <translation>SQLite 完整性检查无法运行：%1。</translation>
    </message>
    <message>
        <source>SQLite&apos;s integrity check (pages, indexes, constraints)</source>
        <translation>SQLite 完整性检查（页、索引、约束）</translation>
    </message>
    <message>
        <source>SQLite&apos;s integrity check: %1</source>
        <translation>SQLite 完整性检查：%1</translation>
    </message>
    <message>
        <source>SQLite&apos;s integrity check found more problems than are listed.</source>
        <translation>SQLite 完整性检查发现的问题多于此处列出的。</translation>
    </message>
    <message>
        <source>SQLite&apos;s foreign key check could not run: %1.</source>
        <translation>SQLite 外键检查无法运行：%1。</translation>
    </message>
    <message>
        <source>every link between rows points to an existing row</source>
        <translation>行之间的每个关联都指向现有的行</translation>
    </message>
    <message>
        <source>Rows of %1 linked to a missing %2: %3.</source>
        <translation>%1 表中关联到缺失的 %2 的行：%3。</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check Catalogue</source>
        <translation>检查案例库</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Problems found. The details are below.</source>
        <translation>发现问题，详情见下。</translation>
    </message>
    <message>
        <source>Restore from Backup…</source>
        <translation>从备份恢复…</translation>
    </message>
</context>
<context>
    <name>ChineseTitle</name>
    <message>
        <source>The Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>The note on the Chinese title</source>
        <translation>中文标题说明</translation>
    </message>
    <message>
        <source>%1 cannot hold control characters such as tabs or line breaks.</source>
        <translation>%1不能包含制表符、换行符等控制字符。</translation>
    </message>
    <message>
        <source>%1 can be at most %2 characters; this one has %3.</source>
        <translation>%1最多 %2 个字符；当前有 %3 个。</translation>
    </message>
</context>
<context>
    <name>ComparisonMatrix</name>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>the filtered cases</source>
        <translation>筛选出的案例</translation>
    </message>
    <message>
        <source>the selected cases</source>
        <translation>所选案例</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Cases:</source>
        <translation>案例：</translation>
    </message>
    <message>
        <source>Showing the first {0} of {1} cases; the export writes them all.</source>
        <translation>显示 {1} 个案例中的前 {0} 个；导出时会全部写入。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln 个案例</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Matrix to Excel</source>
        <translation>将矩阵导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Exported the matrix of {0} cases to {1}.</source>
        <translation>已将 {0} 个案例的矩阵导出到 {1}。</translation>
    </message>
</context>
<context>
    <name>DataWord</name>
    <message>
        <source>region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>municipality</source>
        <translation>直辖市</translation>
    </message>
    <message>
        <source>prefecture</source>
        <translation>地州</translation>
    </message>
    <message>
        <source>city</source>
        <translation>市</translation>
    </message>
    <message>
        <source>county</source>
        <translation>县</translation>
    </message>
    <message>
        <source>district</source>
        <translation>区</translation>
    </message>
    <message>
        <source>township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>特稿</translation>
    </message>
    <message>
        <source>news report</source>
        <translation>新闻报道</translation>
    </message>
    <message>
        <source>news analysis</source>
        <translation>新闻分析</translation>
    </message>
    <message>
        <source>official</source>
        <translation>官方</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>批评性</translation>
    </message>
    <message>
        <source>supportive</source>
        <translation>支持性</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>褒贬兼有</translation>
    </message>
</context>
<context>
    <name>DbErrors</name>
    <message>
        <source>Another Casebook process is writing to the catalogue; tried for %1 s. Try again in a moment.</source>
        <translation>另一个 Casebook 进程正在写入案例库；已尝试 %1 秒。请稍后再试。</translation>
    </message>
    <message>
        <source>The disk is full; nothing was lost. Free some space and try again.</source>
        <translation>磁盘已满；没有丢失任何内容。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>The catalogue is read-only here; nothing was changed.</source>
        <translation>案例库在此处为只读；未作任何更改。</translation>
    </message>
    <message>
        <source>Restore a backup with `casebook restore` or File → Restore from Backup…</source>
        <translation>请用 `casebook restore` 或“文件 → 从备份恢复…”恢复一个备份。</translation>
    </message>
    <message>
        <source>The catalogue is damaged; nothing was changed. %1</source>
        <translation>案例库已损坏；未作任何更改。%1</translation>
    </message>
    <message>
        <source>The disk reported an error reading or writing the catalogue; nothing was changed. Check the disk, then try again.</source>
        <translation>读写案例库时磁盘报告了错误；未作任何更改。请检查磁盘后再试。</translation>
    </message>
    <message>
        <source>The catalogue file cannot be opened; check that it and its folder still exist.</source>
        <translation>无法打开案例库文件；请检查该文件及其所在文件夹是否仍然存在。</translation>
    </message>
    <message>
        <source>Your disk quota is used up; nothing was lost. Free some space and try again.</source>
        <translation>你的磁盘配额已用完；没有丢失任何内容。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>The disk is read-only; nothing was changed.</source>
        <translation>磁盘为只读；未作任何更改。</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>No such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>A part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>That is a folder, not a file</source>
        <translation>这是一个文件夹，而不是文件</translation>
    </message>
    <message>
        <source>The file name is too long</source>
        <translation>文件名过长</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
</context>
<context>
    <name>DetailHtml</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Sector:</source>
        <translation>领域：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时期：</translation>
    </message>
    <message>
        <source>Assistance:</source>
        <translation>援助形式：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Donor side:</source>
        <translation>援助方：</translation>
    </message>
    <message>
        <source>Recipient side:</source>
        <translation>受援方：</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>详述</translation>
    </message>
    <message>
        <source>People and organisations</source>
        <translation>人物与机构</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Perspectives</source>
        <translation>各方观点</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>%1, %2 account</source>
        <translation>%1，%2叙述</translation>
    </message>
    <message>
        <source>No sources recorded.</source>
        <translation>未记录来源。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a case study to see everything about it.</source>
        <translation>选择一个案例，查看它的全部信息。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Sources &amp;&amp; perspectives</source>
        <translation>来源与观点</translation>
    </message>
    <message>
        <source>Figures (%1)</source>
        <translation>指标 (%1)</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Casebook</source>
        <translation>Casebook</translation>
    </message>
    <message>
        <source>Details are also in the log: %1</source>
        <translation>详细信息也已写入日志：%1</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exported to %1: %2.</source>
        <translation>已导出到 %1：%2。</translation>
    </message>
    <message>
        <source> Removed %1 characters Excel cannot hold (counted in the About sheet).</source>
        <translation>已移除 %1 个 Excel 无法容纳的字符（数目记在“关于”工作表中）。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>Data Package (CSV tables)</source>
        <translation>数据包（CSV 表格）</translation>
    </message>
    <message>
        <source>Sources as CSL-JSON (Zotero, Pandoc)</source>
        <translation>来源：CSL-JSON 格式（Zotero、Pandoc）</translation>
    </message>
    <message>
        <source>Sources as RIS</source>
        <translation>来源：RIS 格式</translation>
    </message>
    <message>
        <source>Sources as BibTeX</source>
        <translation>来源：BibTeX 格式</translation>
    </message>
    <message>
        <source>Highlights as Web Annotations</source>
        <translation>标注：Web Annotation 格式</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <source>The whole catalogue (%n case study(s))</source>
        <translation>
            <numerusform>整个案例库（%n 个案例）</numerusform>
        </translation>
    </message>
    <message>
        <source>The cases shown by the current filter (%1)</source>
        <translation>当前筛选显示的案例（%1 个）</translation>
    </message>
    <message>
        <source>The selected cases (%1)</source>
        <translation>所选案例（%1 个）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>as</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>ExportWorker</name>
    <message>
        <source>The export failed: %1. Nothing was written.</source>
        <translation>导出失败：%1。未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>FacetModel</name>
    <message>
        <source>Sector</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Donor province</source>
        <translation>援助省市</translation>
    </message>
    <message>
        <source>Recipient area</source>
        <translation>受援地区</translation>
    </message>
    <message>
        <source>Form of assistance</source>
        <translation>援助形式</translation>
    </message>
    <message>
        <source>Facets</source>
        <translation>分面筛选</translation>
    </message>
</context>
<context>
    <name>FiguresChart</name>
    <message>
        <source>Figure:</source>
        <translation>指标：</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln 个案例</numerusform>
        </translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <source>No figures in the cases shown.</source>
        <translation>所显示的案例中没有指标。</translation>
    </message>
    <message>
        <source>No figure called “%1” in the cases shown.</source>
        <translation>所显示的案例中没有名为“%1”的指标。</translation>
    </message>
    <message>
        <source>No figure in %1 in the cases shown.</source>
        <translation>所显示的案例中没有以 %1 为单位的指标。</translation>
    </message>
    <message>
        <source>no unit</source>
        <translation>无单位</translation>
    </message>
    <message numerus="yes">
        <source>%Ln figure(s) in %1</source>
        <translation>
            <numerusform>%Ln 项指标，单位：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>the %1 largest shown</source>
        <translation>显示最大的 %1 项</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 项为 %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln figure(s) in other units left out: </source>
        <translation>
            <numerusform>另有 %Ln 项指标单位不同，未显示：</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Source: none given</source>
        <translation>来源：未注明</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>&amp;New Catalogue…</source>
        <translation>新建案例库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Catalogue…</source>
        <translation>打开案例库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>%1 is the catalogue this window shows.</source>
        <translation>%1 正是本窗口显示的案例库。</translation>
    </message>
    <message>
        <source>Could not start Casebook on %1.</source>
        <translation>无法在 %1 上启动 Casebook。</translation>
    </message>
    <message>
        <source>Opening %1 in a new window…</source>
        <translation>正在新窗口中打开 %1…</translation>
    </message>
    <message>
        <source>New Catalogue</source>
        <translation>新建案例库</translation>
    </message>
    <message>
        <source>%1 already exists; a new catalogue never replaces a file. Open it with File → Open Catalogue…, or choose another name.</source>
        <translation>%1 已存在；新建案例库不会替换已有文件。请通过“文件 → 打开案例库…”打开它，或换一个名称。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Open Catalogue</source>
        <translation>打开案例库</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（文件不存在）</translation>
    </message>
    <message>
        <source>No Recent Catalogues</source>
        <translation>没有最近打开的案例库</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Save a Copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Saved a copy to %1.</source>
        <translation>已将副本保存到 %1。</translation>
    </message>
</context>
<context>
    <name>FormChecks</name>
    <message>
        <source>New form…</source>
        <translation>新建援助形式…</translation>
    </message>
    <message>
        <source>New Form of Assistance</source>
        <translation>新建援助形式</translation>
    </message>
    <message>
        <source>Name of the new form of assistance:</source>
        <translation>新援助形式的名称：</translation>
    </message>
</context>
<context>
    <name>Gui</name>
    <message>
        <source>Something went wrong: %1: %2</source>
        <translation>出现意外错误：%1：%2</translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation>无法创建 %1：%2。</translation>
    </message>
    <message>
        <source>Casebook is already open on %1. Switch to that window, or close it before opening the catalogue again.</source>
        <translation>Casebook 已经打开了 %1。请切换到那个窗口，或先将其关闭，再重新打开该案例库。</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Casebook User Guide</source>
        <translation>Casebook 用户指南</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>Casebook &amp;User Guide</source>
        <translation>Casebook 用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>HighlightDialog</name>
    <message>
        <source>Highlight</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>optional, e.g. key figure</source>
        <translation>可选，例如：关键数据</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>评注(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>Highlights</name>
    <message>
        <source>Only the summary and the narrative can be highlighted, not %1.</source>
        <translation>只能标注摘要和详述，不能标注 %1。</translation>
    </message>
    <message>
        <source>That case study no longer exists.</source>
        <translation>该案例已不存在。</translation>
    </message>
    <message>
        <source>Select some text in the summary or narrative first.</source>
        <translation>请先在摘要或详述中选择一些文字。</translation>
    </message>
    <message>
        <source>A highlight needs the words it marks.</source>
        <translation>标注需要包含它所标出的文字。</translation>
    </message>
    <message>
        <source>This highlight was changed elsewhere while you edited it.</source>
        <translation>您编辑期间，这条标注已在别处被修改。</translation>
    </message>
    <message>
        <source>That highlight no longer exists.</source>
        <translation>该标注已不存在。</translation>
    </message>
</context>
<context>
    <name>HighlightsPanel</name>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>详述</translation>
    </message>
    <message>
        <source>&amp;Highlight Selection…</source>
        <translation>标注所选文字(&amp;H)…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Passage no longer in the text (kept):</source>
        <translation>该段落已不在正文中（标注仍保留）：</translation>
    </message>
    <message>
        <source>This passage is no longer in the text; its quote and comment are kept.</source>
        <translation>该段落已不在正文中；其引文和评注仍保留。</translation>
    </message>
    <message>
        <source>This passage is past the first %1 characters shown here.</source>
        <translation>该段落位于此处所显示的前 %1 个字符之后。</translation>
    </message>
    <message>
        <source>highlight &apos;%1&apos;</source>
        <translation>标注“%1”</translation>
    </message>
    <message>
        <source>highlight</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>edit highlight</source>
        <translation>编辑标注</translation>
    </message>
    <message>
        <source>Highlight Saved by Someone Else</source>
        <translation>标注已被他人保存</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>This highlight was changed elsewhere while you edited it.

Theirs (saved now): tag %1; comment %2
Yours: tag %3; comment %4</source>
        <translation>您编辑期间，这条标注已在别处被修改。

对方的（当前已保存）：标签 %1；评注 %2
您的：标签 %3；评注 %4</translation>
    </message>
    <message>
        <source>Save Mine</source>
        <translation>保存我的</translation>
    </message>
    <message>
        <source>Keep Theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <source>delete highlight &apos;%1&apos;</source>
        <translation>删除标注“%1”</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>case study</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>highlight</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>perspective</source>
        <translation>观点</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>person or organisation</source>
        <translation>人物或机构</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>form of assistance</source>
        <translation>援助形式</translation>
    </message>
    <message>
        <source>tag &apos;%1&apos; added</source>
        <translation>已添加标签“%1”</translation>
    </message>
    <message>
        <source>tag &apos;%1&apos; removed</source>
        <translation>已移除标签“%1”</translation>
    </message>
    <message>
        <source>tag &apos;%1&apos; changed</source>
        <translation>已更改标签“%1”</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; added</source>
        <translation>已添加%1“%2”</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>已添加%1</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; removed</source>
        <translation>已移除%1“%2”</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>已移除%1</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; changed</source>
        <translation>已更改%1“%2”</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>已更改%1</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No changes to this case study are logged.</source>
        <translation>日志中没有此案例的更改。</translation>
    </message>
</context>
<context>
    <name>ImportApply</name>
    <message>
        <source>The catalogue changed since the preview, so the import was stopped (%1).</source>
        <translation>预览之后案例库发生了变化，因此导入已停止（%1）。</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Merge Catalogue…</source>
        <translation>合并案例库(&amp;M)…</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Merge Catalogue</source>
        <translation>合并案例库</translation>
    </message>
    <message>
        <source>Casebook catalogue (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Casebook 案例库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{0} Nothing was merged.</source>
        <translation>{0} 未合并任何内容。</translation>
    </message>
    <message>
        <source>merge of {0}</source>
        <translation>合并 {0}</translation>
    </message>
    <message>
        <source>{0} Nothing was imported.</source>
        <translation>{0} 未导入任何内容。</translation>
    </message>
    <message>
        <source>import of {0}</source>
        <translation>导入 {0}</translation>
    </message>
    <message>
        <source>{0}: {1} added, {2} changed.</source>
        <translation>{0}：新增 {1} 项，修改 {2} 项。</translation>
    </message>
</context>
<context>
    <name>ImportPlan</name>
    <message>
        <source>column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
    <message>
        <source>%1 is also on row %2; each may appear once</source>
        <translation>%1 也出现在第 %2 行；每项只能出现一次</translation>
    </message>
    <message>
        <source>the UUID %1</source>
        <translation>UUID 标识符 %1</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1“%2”</translation>
    </message>
    <message>
        <source>the Slug cell is empty</source>
        <translation>Slug（标识名）单元格为空</translation>
    </message>
    <message>
        <source>the slug %1</source>
        <translation>标识名 %1</translation>
    </message>
    <message>
        <source>%1, row %2: the place “%3” is not in this catalogue&apos;s list of places; the case comes in without it.</source>
        <translation>%1，第 %2 行：地点“%3”不在本案例库的地点列表中；案例将不带该地点导入。</translation>
    </message>
    <message>
        <source>no case with the slug %1</source>
        <translation>没有标识名为 %1 的案例</translation>
    </message>
    <message>
        <source>the key %1 of %2</source>
        <translation>%2 的键 %1</translation>
    </message>
    <message>
        <source>note %1</source>
        <translation>笔记 %1</translation>
    </message>
    <message>
        <source>this note belongs to %1, not %2</source>
        <translation>这条笔记属于 %1，而不是 %2</translation>
    </message>
    <message>
        <source>the Note cell is empty</source>
        <translation>Note（笔记）单元格为空</translation>
    </message>
    <message>
        <source>highlight %1</source>
        <translation>标注 %1</translation>
    </message>
    <message>
        <source>this highlight belongs to %1, not %2</source>
        <translation>这条标注属于 %1，而不是 %2</translation>
    </message>
    <message>
        <source>Field %1 must be summary or narrative</source>
        <translation>Field（字段）%1 必须是 summary 或 narrative</translation>
    </message>
    <message>
        <source>the Quote cell is empty</source>
        <translation>Quote（引文）单元格为空</translation>
    </message>
    <message>
        <source>the tag %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>the Key cell is empty</source>
        <translation>Key（键）单元格为空</translation>
    </message>
    <message>
        <source>the key %1</source>
        <translation>键 %1</translation>
    </message>
    <message>
        <source>the Title cell is empty</source>
        <translation>Title（标题）单元格为空</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>%1 to add, %2 to change, %3 unchanged, %4 rejected.</source>
        <translation>待新增 %1，待修改 %2，未变动 %3，已拒绝 %4。</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed on both sides.</source>
        <translation>
            <numerusform>%n 个字段双方都有修改。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import {0}</source>
        <translation>导入 {0}</translation>
    </message>
    <message>
        <source>Nothing has been written yet. An import never deletes anything.</source>
        <translation>目前尚未写入任何内容。导入从不删除任何数据。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Conflicts: changed on both sides ({0}); ticked takes theirs</source>
        <translation>冲突：双方都有修改（{0} 处）；勾选者采用对方的版本</translation>
    </message>
    <message>
        <source>yours: {0}   ⟷   theirs: {1}</source>
        <translation>本方：{0}   ⟷   对方：{1}</translation>
    </message>
    <message>
        <source>yours:
{0}

theirs:
{1}</source>
        <translation>本方：
{0}

对方：
{1}</translation>
    </message>
    <message>
        <source>To add ({0})</source>
        <translation>待新增（{0}）</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>To change ({0})</source>
        <translation>待修改（{0}）</translation>
    </message>
    <message>
        <source>Rejected ({0})</source>
        <translation>已拒绝（{0}）</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Unchanged ({0})</source>
        <translation>未变动（{0}）</translation>
    </message>
    <message>
        <source>New to this catalogue ({0})</source>
        <translation>本案例库中尚无的值（{0}）</translation>
    </message>
    <message>
        <source>added to the list</source>
        <translation>将加入列表</translation>
    </message>
    <message>
        <source>Left out ({0})</source>
        <translation>已略去（{0}）</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>已略去</translation>
    </message>
    <message>
        <source>Kept yours: {0} fields you changed since they last matched</source>
        <translation>保留本方：自上次一致以来你修改过的 {0} 个字段</translation>
    </message>
    <message>
        <source>… and {0} more (casebook import --json lists them all)</source>
        <translation>……另有 {0} 项（casebook import --json 可列出全部）</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <source>Lost the connection to %1; trying again…</source>
        <translation>与 %1 的连接已断开；正在重试…</translation>
    </message>
    <message>
        <source>The connection to %1 is back.</source>
        <translation>与 %1 的连接已恢复。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the catalogue…</source>
        <translation>正在打开案例库…</translation>
    </message>
    <message>
        <source>Not Changed</source>
        <translation>未作更改</translation>
    </message>
    <message>
        <source>Cannot Undo</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <source>Cannot Redo</source>
        <translation>无法重做</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Read &amp;&amp; Highlight</source>
        <translation>阅读与标注</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U)：%1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R)：%1</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>All &amp;Notes</source>
        <translation>全部笔记(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>Catalogue &amp;Table</source>
        <translation>案例表格(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Casebook</source>
        <translation>关于 Casebook(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case study(s)</source>
        <translation>
            <numerusform>%Ln 个案例</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln case study(s)</source>
        <translation>
            <numerusform>显示 %1 个，共 %Ln 个案例</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1; View → Clear Filters shows all)</source>
        <translation>（%1；“视图 → 清除筛选”可显示全部）</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>笔记 (%1)</translation>
    </message>
    <message>
        <source>About Casebook</source>
        <translation>关于 Casebook</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Casebook %1&lt;/h3&gt;&lt;p&gt;An offline catalogue of case studies of China&apos;s pairing assistance to Xinjiang: browse, annotate and export.&lt;/p&gt;&lt;p&gt;Catalogue: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Casebook %1&lt;/h3&gt;&lt;p&gt;对口援疆案例的离线案例库：浏览、批注与导出。&lt;/p&gt;&lt;p&gt;案例库：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Unsaved Note</source>
        <translation>笔记未保存</translation>
    </message>
    <message>
        <source>A note could not be saved.

%1

Close anyway and lose that text?</source>
        <translation>有一条笔记未能保存。

%1

仍要关闭并丢弃这段文字吗？</translation>
    </message>
    <message>
        <source>Updated with changes made elsewhere.</source>
        <translation>已载入在别处所做的修改。</translation>
    </message>
</context>
<context>
    <name>MaintenanceActions</name>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Check Catalogue</source>
        <translation>检查案例库(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>(damaged, read-only)</source>
        <translation>（已损坏，只读）</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Damaged: read-only</source>
        <translation>已损坏：只读</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Damaged Catalogue</source>
        <translation>案例库已损坏</translation>
    </message>
    <message>
        <source>%1 is damaged.</source>
        <translation>%1 已损坏。</translation>
    </message>
    <message>
        <source>Restore the backup of %1 (%2 case studies, %3 notes)? The damaged file is kept as a backup first.</source>
        <translation>恢复 %1 的备份（%2 个案例，%3 条笔记）吗？已损坏的文件会先作为备份保留。</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Keep Read-Only</source>
        <translation>保持只读</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>已备份到 %1。</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>There are no backups of %1 yet.</source>
        <translation>%1 还没有任何备份。</translation>
    </message>
    <message>
        <source>Replace the catalogue with the backup of %1? The catalogue as it is now is kept as a backup first.</source>
        <translation>用 %1 的备份替换当前案例库吗？当前的案例库会先作为备份保留。</translation>
    </message>
    <message>
        <source>Restored %1 from %2; the previous content is in %3.</source>
        <translation>已从 %2 恢复 %1；原先的内容保存在 %3 中。</translation>
    </message>
    <message>
        <source>Restored %1 from %2.</source>
        <translation>已从 %2 恢复 %1。</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>援助方</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>受援方</translation>
    </message>
    <message>
        <source>Forms of assistance</source>
        <translation>援助形式</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>标注</translation>
    </message>
</context>
<context>
    <name>MetricsTableModel</name>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>NoteConflictDialog</name>
    <message>
        <source>Compare the Two Versions of the Note</source>
        <translation>比较笔记的两个版本</translation>
    </message>
    <message>
        <source>Someone else changed this note while you wrote. Both versions are kept until you choose: keep yours (it replaces theirs in the note), keep theirs (your copy is deleted), or keep both as two notes. Undo takes your choice back.</source>
        <translation>您书写期间，他人修改了这条笔记。在您选择之前，两个版本都会保留：保留您的版本（替换笔记中对方的内容）、保留对方的版本（删除您的副本），或作为两条笔记都保留。撤销可以收回您的选择。</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>对方的版本</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <source>Keep &amp;Theirs</source>
        <translation>保留对方的(&amp;T)</translation>
    </message>
    <message>
        <source>Keep &amp;Both</source>
        <translation>都保留(&amp;B)</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>That case study no longer exists.</source>
        <translation>该案例已不存在。</translation>
    </message>
    <message>
        <source>The note was deleted elsewhere while you wrote.</source>
        <translation>在你写作期间，这条笔记已在别处被删除。</translation>
    </message>
    <message>
        <source>The note was changed elsewhere while you wrote.</source>
        <translation>在你写作期间，这条笔记已在别处被修改。</translation>
    </message>
    <message>
        <source>That note no longer exists.</source>
        <translation>该笔记已不存在。</translation>
    </message>
</context>
<context>
    <name>NotesDock</name>
    <message>
        <source>All Notes</source>
        <translation>全部笔记</translation>
    </message>
    <message>
        <source>Filter notes by their words or their case&apos;s title…</source>
        <translation>按笔记内容或所属案例的标题筛选…</translation>
    </message>
    <message>
        <source>The %1 most recent notes. Type in the filter to find others.</source>
        <translation>最近的 %1 条笔记。在筛选框中输入可查找其他笔记。</translation>
    </message>
    <message>
        <source>The %1 most recent of %2 notes. Type in the filter to find others.</source>
        <translation>%2 条笔记中最近的 %1 条。在筛选框中输入可查找其他笔记。</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 条笔记</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>&amp;New Note</source>
        <translation>新建笔记(&amp;N)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Private</source>
        <translation>私密(&amp;P)</translation>
    </message>
    <message>
        <source>Only you see a private note: in a team catalogue the server hides it, and its history, from the other members. It stays out of the search index.</source>
        <translation>私密笔记只有您能看到：在团队案例库中，服务器会对其他成员隐藏这条笔记及其历史记录。它也不会进入搜索索引。</translation>
    </message>
    <message>
        <source>Write in Markdown: **bold**, *italic*, - lists, # headings</source>
        <translation>使用 Markdown 书写：**粗体**、*斜体*、- 列表、# 标题</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>比较(&amp;C)…</translation>
    </message>
    <message>
        <source>New &amp;Note</source>
        <translation>新建笔记(&amp;N)</translation>
    </message>
    <message>
        <source>private</source>
        <translation>私密</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>（空笔记）</translation>
    </message>
    <message>
        <source>No notes yet. Click New Note to write one.</source>
        <translation>还没有笔记。点击“新建笔记”来写一条。</translation>
    </message>
    <message>
        <source>Created %1 by %3 · updated %2</source>
        <translation>%3 创建于 %1 · 更新于 %2</translation>
    </message>
    <message>
        <source>Created %1 · updated %2</source>
        <translation>创建于 %1 · 更新于 %2</translation>
    </message>
    <message>
        <source>edit note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <source>new note (your version)</source>
        <translation>新建笔记（你的版本）</translation>
    </message>
    <message>
        <source>Not saved yet: %1 Your text is kept here; Casebook keeps trying.</source>
        <translation>尚未保存：%1 你的文字仍保留在这里，Casebook 会继续尝试保存。</translation>
    </message>
    <message>
        <source>This note was changed elsewhere while you wrote. Both versions are kept: yours is the new note selected here.</source>
        <translation>在你书写期间，这条笔记在别处被修改了。两个版本都已保留：你的版本是此处选中的新笔记。</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>笔记已保存。</translation>
    </message>
    <message>
        <source>new note</source>
        <translation>新建笔记</translation>
    </message>
    <message>
        <source>keep my version of the note</source>
        <translation>保留我的笔记版本</translation>
    </message>
    <message>
        <source>keep their version of the note</source>
        <translation>保留对方的笔记版本</translation>
    </message>
    <message>
        <source>make note private</source>
        <translation>将笔记设为私密</translation>
    </message>
    <message>
        <source>share note</source>
        <translation>共享笔记</translation>
    </message>
    <message>
        <source>delete note &apos;%1&apos;</source>
        <translation>删除笔记“%1”</translation>
    </message>
    <message>
        <source>delete note</source>
        <translation>删除笔记</translation>
    </message>
</context>
<context>
    <name>NotesTableModel</name>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Case study</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>（空笔记）</translation>
    </message>
</context>
<context>
    <name>PairingMapView</name>
    <message>
        <source>Provinces → prefectures</source>
        <translation>省市 → 地州</translation>
    </message>
    <message>
        <source>Places named</source>
        <translation>具体地点</translation>
    </message>
    <message>
        <source>Chinese names</source>
        <translation>中文地名</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <source>Export GeoJSON…</source>
        <translation>导出 GeoJSON…</translation>
    </message>
    <message>
        <source>the pairing %1 → %2</source>
        <translation>对口关系 %1 → %2</translation>
    </message>
    <message>
        <source>the cases at %1</source>
        <translation>%1 的案例</translation>
    </message>
    <message>
        <source>donor</source>
        <translation>援助方</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>受援方</translation>
    </message>
    <message>
        <source>%1 pairings among %2 places.</source>
        <translation>%2 个地点之间的 %1 组对口关系。</translation>
    </message>
    <message>
        <source>The %1 largest are drawn.</source>
        <translation>只绘出规模最大的 %1 组。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>1 place has no position (not drawn): %2.</source>
        <translation>有 1 个地点没有坐标（未绘出）：%2。</translation>
    </message>
    <message>
        <source>%1 places have no position (not drawn): %2.</source>
        <translation>有 %1 个地点没有坐标（未绘出）：%2。</translation>
    </message>
    <message numerus="yes">
        <source>%n case studies</source>
        <translation>
            <numerusform>%n 个案例</numerusform>
        </translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>另有 %1 个</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson)</source>
        <translation>GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <source>Export the pairing map</source>
        <translation>导出对口地图</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>Pairing map</source>
        <translation>对口地图</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>The server refused that password.</source>
        <translation>服务器拒绝了这个密码。</translation>
    </message>
    <message>
        <source>The server asks a password, and ~/.pgpass holds none for it.</source>
        <translation>服务器要求输入密码，而 ~/.pgpass 中没有相应的密码。</translation>
    </message>
    <message>
        <source>Password for the Team Catalogue</source>
        <translation>团队案例库的密码</translation>
    </message>
    <message>
        <source>%1

Password for %2 (kept only while Casebook runs; to be spared this question, put it in ~/.pgpass):</source>
        <translation>%1

%2 的密码（仅在 Casebook 运行期间保留；如不想再被询问，请将其写入 ~/.pgpass）：</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <source>%1–ongoing</source>
        <translation>%1 年至今</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>%1 年起</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>至 %1 年</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <source>New Place</source>
        <translation>新建地点</translation>
    </message>
    <message>
        <source>Edit Place</source>
        <translation>编辑地点</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Chinese name:</source>
        <translation>中文名(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Uyghur name:</source>
        <translation>维吾尔文名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <source>(none: a top-level place)</source>
        <translation>（无：顶级地点）</translation>
    </message>
    <message>
        <source>&amp;Lies in:</source>
        <translation>所属地区(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <source>Filter places</source>
        <translation>筛选地点</translation>
    </message>
    <message>
        <source>New Place…</source>
        <translation>新建地点…</translation>
    </message>
    <message>
        <source>Edit Place…</source>
        <translation>编辑地点…</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>That place no longer exists.</source>
        <translation>该地点已不存在。</translation>
    </message>
    <message>
        <source>A place needs a name.</source>
        <translation>地点需要一个名称。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>Uyghur name</source>
        <translation>维吾尔文名</translation>
    </message>
    <message>
        <source>The %1 can be at most %2 characters.</source>
        <translation>%1最多 %2 个字符。</translation>
    </message>
    <message>
        <source>The %1 cannot hold control characters.</source>
        <translation>%1不能包含控制字符。</translation>
    </message>
    <message>
        <source>Choose one of: %1.</source>
        <translation>请从以下选项中选择一项：%1。</translation>
    </message>
    <message>
        <source>The place it lies in no longer exists.</source>
        <translation>它所属的上级地点已不存在。</translation>
    </message>
    <message>
        <source>A place cannot lie inside itself or a place inside it.</source>
        <translation>地点不能位于自身或其下辖地点之内。</translation>
    </message>
    <message>
        <source>Another place is already called “%1”: %2.</source>
        <translation>已有另一个地点名为“%1”：%2。</translation>
    </message>
</context>
<context>
    <name>PreferencesController</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Signs the notes and highlights you write; exported with them.</source>
        <translation>用于署名你写的笔记和标注，并随之一同导出。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Casebook shows the new language when it next starts.</source>
        <translation>下次启动 Casebook 时将使用新的语言。</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Also View → Zoom In (Ctrl+=) and Zoom Out (Ctrl+-).</source>
        <translation>也可使用“视图 → 放大”（Ctrl+=）和“缩小”（Ctrl+-）。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>你的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>字号(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Export to:</source>
        <translation>导出到(&amp;E)：</translation>
    </message>
    <message>
        <source>Export Folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>RemoveTagsDialog</name>
    <message>
        <source>Remove Tags</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>%1  (%2 of %3)</source>
        <translation>%1  （%3 个中的 %2 个）</translation>
    </message>
    <message>
        <source>Take these tags off the selected case studies:</source>
        <translation>从所选案例上移除以下标签：</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>made by you</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Case studies</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Choose a backup to put in place of %1. The catalogue as it is now is kept as a backup first.</source>
        <translation>选择一个备份来替换 %1。当前的案例库会先作为备份保留。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>SavedSearches</name>
    <message>
        <source>That saved search (number %1) no longer exists; it may have been deleted elsewhere.</source>
        <translation>该已存搜索（编号 %1）已不存在；可能已在别处被删除。</translation>
    </message>
    <message>
        <source>A saved search needs a name.</source>
        <translation>已存搜索需要一个名称。</translation>
    </message>
    <message>
        <source>A saved search&apos;s name cannot hold control characters such as tabs or line breaks.</source>
        <translation>已存搜索的名称不能包含制表符、换行符等控制字符。</translation>
    </message>
    <message>
        <source>A saved search&apos;s name can be at most %1 characters; this one has %2.</source>
        <translation>已存搜索的名称最多 %1 个字符；当前有 %2 个。</translation>
    </message>
    <message>
        <source>sector: %1</source>
        <translation>领域：%1</translation>
    </message>
    <message>
        <source>donor: %1</source>
        <translation>援助方：%1</translation>
    </message>
    <message>
        <source>recipient: %1</source>
        <translation>受援方：%1</translation>
    </message>
    <message>
        <source>place #%1 (no longer in the catalogue)</source>
        <translation>地点 #%1（已不在案例库中）</translation>
    </message>
    <message>
        <source>form: %1</source>
        <translation>援助形式：%1</translation>
    </message>
    <message>
        <source>tags (all of): %1</source>
        <translation>标签（全部符合）：%1</translation>
    </message>
    <message>
        <source>tags (any of): %1</source>
        <translation>标签（任一符合）：%1</translation>
    </message>
    <message>
        <source>There is already a saved search called %1.</source>
        <translation>已有名为 %1 的已存搜索。</translation>
    </message>
</context>
<context>
    <name>SavedSearchesPanel</name>
    <message>
        <source>&amp;Save Search…</source>
        <translation>保存搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>Keep the current filter under a name (%1)</source>
        <translation>以一个名称保存当前筛选（%1）</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Query: %1</source>
        <translation>查询：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved searches&lt;/b&gt; (%1)</source>
        <translation>&lt;b&gt;已存搜索&lt;/b&gt; (%1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved searches&lt;/b&gt;</source>
        <translation>&lt;b&gt;已存搜索&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Keep the current filter with Edit → Save Search… (%1).</source>
        <translation>可用“编辑 → 保存搜索…”（%1）保存当前筛选。</translation>
    </message>
    <message>
        <source>Showing the saved search “%1”.</source>
        <translation>正在显示已存搜索“%1”。</translation>
    </message>
    <message>
        <source>%1 of its facet values or tags are no longer in the catalogue and were left out.</source>
        <translation>其中有 %1 个筛选值或标签已不在案例库中，已略去。</translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation>保存搜索</translation>
    </message>
    <message>
        <source>Name for the current filter (an existing name is replaced):</source>
        <translation>当前筛选的名称（与已有名称相同则替换）：</translation>
    </message>
    <message>
        <source>A saved search called “%1” exists. Replace its query, facets and tags with the current filter? You can undo this.</source>
        <translation>已有名为“%1”的已存搜索。要用当前筛选替换它的查询、分面和标签吗？此操作可以撤销。</translation>
    </message>
    <message>
        <source>save search &apos;%1&apos;</source>
        <translation>保存搜索“%1”</translation>
    </message>
    <message>
        <source>Saved the search “%1”.</source>
        <translation>已保存搜索“%1”。</translation>
    </message>
    <message>
        <source>Rename Saved Search</source>
        <translation>重命名已存搜索</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <source>rename saved search &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>将已存搜索“%1”重命名为“%2”</translation>
    </message>
    <message>
        <source>delete saved search &apos;%1&apos;</source>
        <translation>删除已存搜索“%1”</translation>
    </message>
    <message>
        <source>Delete Saved Search</source>
        <translation>删除已存搜索</translation>
    </message>
    <message>
        <source>Deleted the saved search “%1”. Edit → Undo brings it back.</source>
        <translation>已删除已存搜索“%1”。“编辑 → 撤销”可将其恢复。</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search everything: words, &quot;phrases&quot;, -word, OR, tag:, year:… (Ctrl+F)</source>
        <translation>搜索全部内容：词语、&quot;短语&quot;、-排除词、OR、tag:、year:…（Ctrl+F）</translation>
    </message>
    <message>
        <source>How to search</source>
        <translation>搜索方法</translation>
    </message>
    <message>
        <source>both words, anywhere: titles, texts, places, people, figures, sources, tags, notes, highlights</source>
        <translation>两个词都出现，位置不限：标题、正文、地点、人物、指标、来源、标签、笔记、标注</translation>
    </message>
    <message>
        <source>Chinese by any of its characters, the pinyin of Chinese names, Uyghur</source>
        <translation>中文可按其中任意字搜索，中文名称可按拼音搜索，也可搜索维吾尔文</translation>
    </message>
    <message>
        <source>the exact phrase</source>
        <translation>完整短语</translation>
    </message>
    <message>
        <source>leave out cases with the word</source>
        <translation>排除含有该词的案例</translation>
    </message>
    <message>
        <source>either word</source>
        <translation>任一词语</translation>
    </message>
    <message>
        <source>words starting with photo</source>
        <translation>以 photo 开头的词</translation>
    </message>
    <message>
        <source>tagged craft or a tag under it, on the case or a highlight</source>
        <translation>案例或其标注带有 craft 标签或其子标签</translation>
    </message>
    <message>
        <source>a sector, a form of assistance</source>
        <translation>领域、援助形式</translation>
    </message>
    <message>
        <source>a side of the pairing, places inside too</source>
        <translation>对口关系的一方，包括其下辖地点</translation>
    </message>
    <message>
        <source>a source&apos;s title, author or publisher</source>
        <translation>来源的标题、作者或出版者</translation>
    </message>
    <message>
        <source>the case&apos;s period overlaps</source>
        <translation>案例时期与之重叠</translation>
    </message>
    <message>
        <source>cases with notes, highlights, figures, tags</source>
        <translation>带有笔记、标注、指标、标签的案例</translation>
    </message>
</context>
<context>
    <name>SectorCombo</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>New sector…</source>
        <translation>新建领域…</translation>
    </message>
    <message>
        <source>New Sector</source>
        <translation>新建领域</translation>
    </message>
    <message>
        <source>Name of the new sector:</source>
        <translation>新领域的名称：</translation>
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <source>%1 Nothing was changed.</source>
        <translation>%1 未作任何更改。</translation>
    </message>
    <message>
        <source>%1 is read-only.</source>
        <translation>%1 是只读的。</translation>
    </message>
    <message>
        <source>The server of %1 refused the change: your role in this team catalogue does not allow it (a reader changes nothing; only an admin renames, recolours, merges or deletes tags and places). Nothing was changed.</source>
        <translation>%1 的服务器拒绝了这项更改：您在此团队案例库中的角色不允许这样做（读者不能更改任何内容；只有管理员可以重命名、更改颜色、合并或删除标签和地点）。未作任何更改。</translation>
    </message>
    <message>
        <source>The server of %1 refused the change: a private note is only its author&apos;s to change, and only its author can make a note private. Nothing was changed.</source>
        <translation>%1 的服务器拒绝了这项更改：私密笔记只能由其作者修改，也只有作者本人才能将笔记设为私密。未作任何更改。</translation>
    </message>
    <message>
        <source>A team catalogue cannot hold the NUL character (U+0000); remove it from the text and try again. Nothing was changed.</source>
        <translation>团队案例库无法保存 NUL 字符（U+0000）；请从文本中删除它后重试。未作任何更改。</translation>
    </message>
    <message>
        <source>Could not write to the catalogue (%1). Nothing was changed.</source>
        <translation>无法写入案例库（%1）。未作任何更改。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
</context>
<context>
    <name>TableColumns</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
</context>
<context>
    <name>TagActions</name>
    <message>
        <source>&amp;Add Tags…</source>
        <translation>添加标签(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;move Tags…</source>
        <translation>移除标签(&amp;M)…</translation>
    </message>
    <message numerus="yes">
        <source>tag %n case(s) with %1</source>
        <translation>
            <numerusform>为 %n 个案例添加标签 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>remove %1 from %n case(s)</source>
        <translation>
            <numerusform>从 %n 个案例移除标签 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagNames</name>
    <message>
        <source>A tag name needs at least one letter or digit.</source>
        <translation>标签名至少需要一个字母或数字。</translation>
    </message>
    <message>
        <source>The tag %1 has an empty level between slashes.</source>
        <translation>标签 %1 的斜杠之间有空的层级。</translation>
    </message>
    <message>
        <source>A tag name can be at most %1 characters; this one has %2.</source>
        <translation>标签名最多 %1 个字符；当前有 %2 个。</translation>
    </message>
    <message>
        <source>A tag name cannot hold control characters such as tabs or line breaks.</source>
        <translation>标签名不能包含制表符、换行符等控制字符。</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <source>Cases with all checked tags</source>
        <translation>带有全部勾选标签的案例</translation>
    </message>
    <message>
        <source>Cases with any checked tag</source>
        <translation>带有任一勾选标签的案例</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>&amp;Rename or Merge…</source>
        <translation>重命名或合并(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tags&lt;/b&gt; (%1)</source>
        <translation>&lt;b&gt;标签&lt;/b&gt; (%1)</translation>
    </message>
    <message>
        <source>New name for “%1” (an existing name merges the two):</source>
        <translation>“%1”的新名称（若与已有标签同名，则两者合并）：</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>Merge Tags</source>
        <translation>合并标签</translation>
    </message>
    <message numerus="yes">
        <source>“%1” already exists. Merge “%2” into it? Its %n case study(s) and those of “%2” will all carry “%1”.</source>
        <translation>
            <numerusform>“%1”已存在。要把“%2”并入它吗？它的 %n 个案例和“%2”的案例都将带有“%1”。</numerusform>
        </translation>
    </message>
    <message>
        <source>merge tag &apos;%1&apos; into &apos;%2&apos;</source>
        <translation>将标签“%1”并入“%2”</translation>
    </message>
    <message>
        <source>rename tag &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>将标签“%1”重命名为“%2”</translation>
    </message>
    <message>
        <source>Colour for “%1”</source>
        <translation>“%1”的颜色</translation>
    </message>
    <message>
        <source>colour tag &apos;%1&apos;</source>
        <translation>设置标签“%1”的颜色</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
    <message numerus="yes">
        <source>Delete the tag “%1” and any tags under it? %n case study(s) carry it. The case studies stay; highlights keep their text. You can undo this.</source>
        <translation>
            <numerusform>删除标签“%1”及其所有子标签吗？有 %n 个案例带有此标签。案例本身会保留，标注也会保留其文字。此操作可以撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>delete tag &apos;%1&apos;</source>
        <translation>删除标签“%1”</translation>
    </message>
</context>
<context>
    <name>TagTreeModel</name>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例数</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n case study(s)</source>
        <translation>
            <numerusform>%1：%n 个案例</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and the tags under it: %n case study(s)</source>
        <translation>
            <numerusform>%1 及其子标签：%n 个案例</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tags</name>
    <message>
        <source>There is no tag %1.</source>
        <translation>没有标签 %1。</translation>
    </message>
    <message>
        <source>A tag cannot be moved under itself (%1).</source>
        <translation>标签不能移到它自己之下（%1）。</translation>
    </message>
    <message>
        <source>%1 is not a colour like #a0c4ff.</source>
        <translation>%1 不是 #a0c4ff 这样的颜色。</translation>
    </message>
</context>
<context>
    <name>TeamConnect</name>
    <message>
        <source>Connect to &amp;Team Catalogue…</source>
        <translation>连接到团队案例库(&amp;T)…</translation>
    </message>
    <message>
        <source>Connect to Team Catalogue</source>
        <translation>连接到团队案例库</translation>
    </message>
    <message>
        <source>The team catalogue&apos;s address, as your group&apos;s administrator gave it
(postgresql+psycopg://you@server/casebook). The password goes in ~/.pgpass.</source>
        <translation>团队案例库的地址，以小组管理员提供的为准
（postgresql+psycopg://you@server/casebook）。密码请写入 ~/.pgpass。</translation>
    </message>
    <message>
        <source>Could not start Casebook on %1.</source>
        <translation>无法在 %1 上启动 Casebook。</translation>
    </message>
    <message>
        <source>Opening %1 in a new window…</source>
        <translation>正在新窗口中打开 %1…</translation>
    </message>
</context>
<context>
    <name>TextSlice</name>
    <message>
        <source>Showing the first %1 of %2 characters; %3 more are not shown here. Edit the case or export it to read them all.</source>
        <translation>显示 %2 个字符中的前 %1 个；另有 %3 个字符未在此显示。编辑或导出该案例即可阅读全文。</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Sector</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>援助方</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>受援方</translation>
    </message>
    <message>
        <source>Show these cases in the table</source>
        <translation>在表格中显示这些案例</translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation>分组依据：</translation>
    </message>
    <message>
        <source> (cases running each year; click a cell to list them)</source>
        <translation>（每年进行中的案例；点击单元格可列出它们）</translation>
    </message>
    <message>
        <source>%1 with no period</source>
        <translation>%1没有时期</translation>
    </message>
    <message>
        <source>No case shown has a start year.</source>
        <translation>所显示的案例都没有起始年份。</translation>
    </message>
    <message>
        <source>%1: %2 running in %3</source>
        <translation>%1：%3 年有 %2在进行</translation>
    </message>
    <message>
        <source>cases with no period</source>
        <translation>没有时期的案例</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln 个案例</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>%1 must be a number, not %2</source>
        <translation>%1必须是数字，而不是 %2</translation>
    </message>
    <message>
        <source>%1 %2 is not a number</source>
        <translation>%1 %2 不是数字</translation>
    </message>
    <message>
        <source>%1 %2 is not a finite number</source>
        <translation>%1 %2 不是有限的数字</translation>
    </message>
    <message>
        <source>%1 %2 is not a year</source>
        <translation>%1 %2 不是年份</translation>
    </message>
    <message>
        <source>%1 %2 is not a year between 1900 and 2100</source>
        <translation>%1 %2 不是 1900 至 2100 之间的年份</translation>
    </message>
    <message>
        <source>%1: %2 comes after %3</source>
        <translation>%1：%2 晚于 %3</translation>
    </message>
</context>
<context>
    <name>ViewTabs</name>
    <message>
        <source>Pairing Map</source>
        <translation>对口地图</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Figures Chart</source>
        <translation>指标图表</translation>
    </message>
    <message>
        <source>Comparison Matrix</source>
        <translation>对比矩阵</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>sector</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>sectors</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>form of assistance</source>
        <translation>援助形式</translation>
    </message>
    <message>
        <source>forms of assistance</source>
        <translation>援助形式</translation>
    </message>
    <message>
        <source>A %1 needs at least one letter or digit.</source>
        <translation>%1至少需要一个字母或数字。</translation>
    </message>
    <message>
        <source>A %1 can be at most %2 characters; “%3…” has %4.</source>
        <translation>%1最多 %2 个字符；“%3…”有 %4 个。</translation>
    </message>
    <message>
        <source>A %1 cannot hold control characters.</source>
        <translation>%1不能包含控制字符。</translation>
    </message>
    <message>
        <source>No case study uses the %1 “%2”; there is nothing to rename.</source>
        <translation>没有案例使用%1“%2”；无需重命名。</translation>
    </message>
    <message>
        <source>There is no %1 “%2”.</source>
        <translation>没有%1“%2”。</translation>
    </message>
    <message>
        <source>There is no %1 “%2” to merge into.</source>
        <translation>没有可并入的%1“%2”。</translation>
    </message>
</context>
<context>
    <name>VocabActions</name>
    <message>
        <source>&amp;Rename or Merge…</source>
        <translation>重命名或合并(&amp;R)…</translation>
    </message>
    <message>
        <source>Rename Sector</source>
        <translation>重命名领域</translation>
    </message>
    <message>
        <source>Rename Form of Assistance</source>
        <translation>重命名援助形式</translation>
    </message>
    <message>
        <source>New name for “{0}” (an existing name merges the two):</source>
        <translation>“{0}”的新名称（若与已有名称相同，则两者合并）：</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>“{0}” already exists. Merge “{1}” into it? Its {2} case studies and those of “{1}” will all have “{0}”.</source>
        <translation>“{0}”已存在。要将“{1}”合并到其中吗？它的 {2} 个案例以及“{1}”的案例都将归为“{0}”。</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
</context>
<context>
    <name>Workbook</name>
    <message>
        <source>%1 holds XML that declares entities, which can make the program opening it read other files or fill the memory; workbooks never need them, so Casebook does not open it.</source>
        <translation>%1 含有声明实体的 XML，这可能让打开它的程序读取其他文件或耗尽内存；工作簿从不需要实体，因此 Casebook 不打开它。</translation>
    </message>
    <message>
        <source>%1 is not a file, so it cannot be a workbook.</source>
        <translation>%1 不是文件，因此不可能是工作簿。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is an old-style .xls workbook or a password-protected one. Open it in Excel or LibreOffice, remove any password and save it as .xlsx.</source>
        <translation>%1 是旧式的 .xls 工作簿或受密码保护的工作簿。请在 Excel 或 LibreOffice 中打开它，去掉密码，并另存为 .xlsx。</translation>
    </message>
    <message>
        <source>%1 is not an Excel workbook (.xlsx); it may be a CSV or text file with an .xlsx name.</source>
        <translation>%1 不是 Excel 工作簿（.xlsx）；它可能是一个以 .xlsx 命名的 CSV 或文本文件。</translation>
    </message>
    <message>
        <source>the cell holds %1 characters, more than Excel&apos;s %2; put the rest in a &apos;(continued)&apos; column</source>
        <translation>该单元格有 %1 个字符，超过了 Excel 的上限 %2；请把其余部分放到“(continued)”列中</translation>
    </message>
    <message>
        <source>the cell holds a formula (%1); Casebook takes values, not formulas: paste it as a value</source>
        <translation>该单元格含有公式（%1）；Casebook 只接受数值而不接受公式：请将其粘贴为数值</translation>
    </message>
    <message>
        <source>%1: the &apos;%2&apos; sheet has no header row: row 1 should name its columns (%3, …) but holds %4.</source>
        <translation>%1：“%2”工作表没有标题行：第 1 行应列出各列的名称（%3 等），但其内容为 %4。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <source>%1: the &apos;%2&apos; sheet has no %3 column in row 1, so it is not in Casebook&apos;s layout.</source>
        <translation>%1：“%2”工作表的第 1 行没有 %3 列，因此不符合 Casebook 的格式。</translation>
    </message>
    <message>
        <source>%1 is damaged: the &apos;%2&apos; sheet cannot be read from row %3 on (%4).</source>
        <translation>%1 已损坏：“%2”工作表从第 %3 行起无法读取（%4）。</translation>
    </message>
    <message>
        <source>: its &apos;%1&apos; sheet</source>
        <translation>（其中的“%1”工作表）</translation>
    </message>
    <message>
        <source>: its part %1</source>
        <translation>（其中的部件 %1）</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be read (%2).</source>
        <translation>%1 已损坏，无法读取（%2）。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 is damaged%2 and cannot be read (%3).</source>
        <translation>%1 已损坏%2，无法读取（%3）。</translation>
    </message>
    <message>
        <source>%1 is not in Casebook&apos;s layout: it has no &apos;%2&apos; sheet (it has: %3).</source>
        <translation>%1 不符合 Casebook 的格式：它没有“%2”工作表（现有：%3）。</translation>
    </message>
    <message>
        <source>holds %1 files inside its archive; Casebook opens workbooks of up to %2 (its own exports hold about 30).</source>
        <translation>的压缩包内含 %1 个文件；Casebook 只打开最多含 %2 个文件的工作簿（它自己导出的约含 30 个）。</translation>
    </message>
    <message>
        <source>is password-protected (its part %1 is encrypted). Open it in Excel or LibreOffice, remove the password and save it again as .xlsx.</source>
        <translation>受密码保护（其部件 %1 已加密）。请在 Excel 或 LibreOffice 中打开它，去掉密码，并重新保存为 .xlsx。</translation>
    </message>
    <message>
        <source>holds %1 when unpacked; Casebook opens workbooks up to %2.</source>
        <translation>解压后有 %1；Casebook 只打开不超过 %2 的工作簿。</translation>
    </message>
    <message>
        <source>looks like a zip bomb: its part %1 unpacks from %2 to %3 (%4 times); Casebook opens parts packed up to %5 times.</source>
        <translation>看起来像压缩炸弹：其部件 %1 从 %2 解压为 %3（%4 倍）；Casebook 只打开压缩比不超过 %5 倍的部件。</translation>
    </message>
    <message>
        <source>holds XML with a document type declaration (in its part %1), which can make the program opening it read other files or fill the memory (XML entities); workbooks never need one, so Casebook does not open it.</source>
        <translation>含有带文档类型声明的 XML（在其部件 %1 中），这可能让打开它的程序读取其他文件或耗尽内存（XML 实体）；工作簿从不需要它，因此 Casebook 不打开它。</translation>
    </message>
    <message>
        <source>has a part (%1) with over %2 characters before its first element, which no workbook has; Casebook does not open it.</source>
        <translation>有一个部件（%1）在其第一个元素之前有超过 %2 个字符，正常的工作簿不会如此；Casebook 不打开它。</translation>
    </message>
</context>
</TS>
