<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddTagsDialog</name>
    <message numerus="yes">
        <source>Tags for the %n selected case study(s), separated by commas. Write &lt;i&gt;craft/embroidery&lt;/i&gt; for a tag under &lt;i&gt;craft&lt;/i&gt;.</source>
        <translation>
            <numerusform>Tags for the %n selected case study, separated by commas. Write &lt;i&gt;craft/embroidery&lt;/i&gt; for a tag under &lt;i&gt;craft&lt;/i&gt;.</numerusform>
            <numerusform>Tags for the %n selected case studies, separated by commas. Write &lt;i&gt;craft/embroidery&lt;/i&gt; for a tag under &lt;i&gt;craft&lt;/i&gt;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseFormActions</name>
    <message numerus="yes">
        <source>Delete %n case study(s) with their figures, notes and highlights? You can undo this.</source>
        <translation>
            <numerusform>Delete %n case study with its figures, notes and highlights? You can undo this.</numerusform>
            <numerusform>Delete %n case studies with their figures, notes and highlights? You can undo this.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %n case(s)</source>
        <translation>
            <numerusform>delete %n case</numerusform>
            <numerusform>delete %n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparisonMatrix</name>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The whole catalogue (%n case study(s))</source>
        <translation>
            <numerusform>The whole catalogue (%n case study)</numerusform>
            <numerusform>The whole catalogue (%n case studies)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FiguresChart</name>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln figure(s) in %1</source>
        <translation>
            <numerusform>%Ln figure in %1</numerusform>
            <numerusform>%Ln figures in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln figure(s) in other units left out: </source>
        <translation>
            <numerusform>%Ln figure in other units left out: </numerusform>
            <numerusform>%Ln figures in other units left out: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>%n field(s) changed on both sides.</source>
        <translation>
            <numerusform>%n field changed on both sides.</numerusform>
            <numerusform>%n fields changed on both sides.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln case study(s)</source>
        <translation>
            <numerusform>%Ln case study</numerusform>
            <numerusform>%Ln case studies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln case study(s)</source>
        <translation>
            <numerusform>%1 of %Ln case study</numerusform>
            <numerusform>%1 of %Ln case studies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesDock</name>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairingMapView</name>
    <message numerus="yes">
        <source>%n case studies</source>
        <translation>
            <numerusform>%n case study</numerusform>
            <numerusform>%n case studies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagActions</name>
    <message numerus="yes">
        <source>tag %n case(s) with %1</source>
        <translation>
            <numerusform>tag %n case with %1</numerusform>
            <numerusform>tag %n cases with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>remove %1 from %n case(s)</source>
        <translation>
            <numerusform>remove %1 from %n case</numerusform>
            <numerusform>remove %1 from %n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message numerus="yes">
        <source>“%1” already exists. Merge “%2” into it? Its %n case study(s) and those of “%2” will all carry “%1”.</source>
        <translation>
            <numerusform>“%1” already exists. Merge “%2” into it? Its %n case study and those of “%2” will all carry “%1”.</numerusform>
            <numerusform>“%1” already exists. Merge “%2” into it? Its %n case studies and those of “%2” will all carry “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the tag “%1” and any tags under it? %n case study(s) carry it. The case studies stay; highlights keep their text. You can undo this.</source>
        <translation>
            <numerusform>Delete the tag “%1” and any tags under it? %n case study carries it. The case studies stay; highlights keep their text. You can undo this.</numerusform>
            <numerusform>Delete the tag “%1” and any tags under it? %n case studies carry it. The case studies stay; highlights keep their text. You can undo this.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagTreeModel</name>
    <message numerus="yes">
        <source>%1: %n case study(s)</source>
        <translation>
            <numerusform>%1: %n case study</numerusform>
            <numerusform>%1: %n case studies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and the tags under it: %n case study(s)</source>
        <translation>
            <numerusform>%1 and the tags under it: %n case study</numerusform>
            <numerusform>%1 and the tags under it: %n case studies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
</context>
</TS>
