<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddTagsDialog</name>
    <message>
        <source>Add Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tags for the %n selected case study(s), separated by commas. Write &lt;i&gt;craft/embroidery&lt;/i&gt; for a tag under &lt;i&gt;craft&lt;/i&gt;.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. brick tea, report 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type at least one tag.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseFormActions</name>
    <message>
        <source>&amp;New Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new case &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit case &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case Changed Elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your version over it? Undo brings the other version back. Cancel keeps your edits in the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the case study “%1” with its figures, notes and highlights? You can undo this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this case study with its figures, notes and highlights? You can undo this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n case study(s) with their figures, notes and highlights? You can undo this.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Case Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete case &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>delete %n case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <source>Edit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Case Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hinese title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: the title in Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese title note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the Chinese title comes from, if no source gives it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Slug:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made from the title if left empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ongoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Narrative:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year or period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role in this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found. The details are below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from Backup…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonMatrix</name>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the filtered cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the selected cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the first {0} of {1} cases; the export writes them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export Matrix to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the matrix of {0} cases to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailHtml</name>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor side:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient side:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People and organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perspectives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sources recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a case study to see everything about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources &amp;&amp; perspectives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details are also in the log: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Removed %1 characters Excel cannot hold (counted in the About sheet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data Package (CSV tables)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources as CSL-JSON (Zotero, Pandoc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources as RIS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources as BibTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlights as Web Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The whole catalogue (%n case study(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The cases shown by the current filter (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected cases (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportWorker</name>
    <message>
        <source>The export failed: %1. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FacetModel</name>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form of assistance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresChart</name>
    <message>
        <source>Figure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figures in the cases shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figure called “%1” in the cases shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figure in %1 in the cases shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln figure(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the %1 largest shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln figure(s) in other units left out: </source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: none given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HighlightDialog</name>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. key figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HighlightsPanel</name>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highlight Selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passage no longer in the text (kept):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passage is no longer in the text; its quote and comment are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passage is past the first %1 characters shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>highlight &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete highlight &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Catalogue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook catalogue (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} Nothing was merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merge of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} added, {2} changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been written yet. An import never deletes anything.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts: changed on both sides ({0}); ticked takes theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yours: {0}   ⟷   theirs: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yours:
{0}

theirs:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To add ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To change ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New to this catalogue ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept yours: {0} fields you changed since they last matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {0} more (casebook import --json lists them all)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the catalogue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read &amp;&amp; Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All &amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue &amp;Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case study(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n case study(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (%1; View → Clear Filters shows all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Casebook %1&lt;/h3&gt;&lt;p&gt;An offline catalogue of case studies of China&apos;s pairing assistance to Xinjiang: browse, annotate and export.&lt;/p&gt;&lt;p&gt;Catalogue: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note could not be saved.

%1

Close anyway and lose that text?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated with changes made elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaintenanceActions</name>
    <message>
        <source>&amp;Back Up Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (damaged, read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged: read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the backup of %1 (%2 case studies, %3 notes)? The damaged file is kept as a backup first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Read-Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no backups of %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the catalogue with the backup of %1? The catalogue as it is now is kept as a backup first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 from %2; the previous content is in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forms of assistance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricsTableModel</name>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesDock</name>
    <message>
        <source>All Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter notes by their words or their case&apos;s title…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 most recent notes. Type in the filter to find others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 most recent of %2 notes. Type in the filter to find others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>&amp;New Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write in Markdown: **bold**, *italic*, - lists, # headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet. Click New Note to write one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 by %3 · updated %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 · updated %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new note (your version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: %1 Your text is kept here; Casebook keeps trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note was changed elsewhere while you wrote. Both versions are kept: yours is the new note selected here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete note &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesTableModel</name>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PairingMapView</name>
    <message>
        <source>Provinces → prefectures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export GeoJSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pairing %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cases at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pairings among %2 places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 largest are drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 place has no position (not drawn): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 places have no position (not drawn): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case studies</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the pairing map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairing map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesController</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs the notes and highlights you write; exported with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoveTagsDialog</name>
    <message>
        <source>Remove Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take these tags off the selected case studies:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case studies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup to put in place of %1. The catalogue as it is now is kept as a backup first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedSearchesPanel</name>
    <message>
        <source>&amp;Save Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the current filter under a name (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved searches&lt;/b&gt; (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved searches&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the current filter with Edit → Save Search… (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the saved search “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of its facet values or tags are no longer in the catalogue and were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for the current filter (an existing name is replaced):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved search called “%1” exists. Replace its query, facets and tags with the current filter? You can undo this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save search &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the search “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Saved Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename saved search &apos;%1&apos; to &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete saved search &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Saved Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the saved search “%1”. Edit → Undo brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search everything: words, &quot;phrases&quot;, -word, OR, tag:, year:… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both words, anywhere: titles, texts, places, people, figures, sources, tags, notes, highlights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese by any of its characters, the pinyin of Chinese names, Uyghur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the exact phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave out cases with the word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>either word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words starting with photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tagged craft or a tag under it, on the case or a highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sector, a form of assistance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a side of the pairing, places inside too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a source&apos;s title, author or publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case&apos;s period overlaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cases with notes, highlights, figures, tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagActions</name>
    <message>
        <source>&amp;Add Tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move Tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>tag %n case(s) with %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>remove %1 from %n case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <source>Cases with all checked tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases with any checked tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename or Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Tags&lt;/b&gt; (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for “%1” (an existing name merges the two):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1” already exists. Merge “%2” into it? Its %n case study(s) and those of “%2” will all carry “%1”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>merge tag &apos;%1&apos; into &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename tag &apos;%1&apos; to &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colour tag &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete the tag “%1” and any tags under it? %n case study(s) carry it. The case studies stay; highlights keep their text. You can undo this.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>delete tag &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagTreeModel</name>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n case study(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and the tags under it: %n case study(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextSlice</name>
    <message>
        <source>Showing the first %1 of %2 characters; %3 more are not shown here. Edit the case or export it to read them all.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show these cases in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (cases running each year; click a cell to list them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with no period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case shown has a start year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 running in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cases with no period</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewTabs</name>
    <message>
        <source>Pairing Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
