<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DeleteVariablesCommand</name>
    <message numerus="yes">
        <source>Delete %n element(s)</source>
        <translation>
            <numerusform>Delete %n element</numerusform>
            <numerusform>Delete %n elements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveVariablesCommand</name>
    <message numerus="yes">
        <source>Move %n element(s)</source>
        <translation>
            <numerusform>Move %n element</numerusform>
            <numerusform>Move %n elements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meadows::BifurcationTab</name>
    <message numerus="yes">
        <source>%n equilibrium branch(es) along %1; solid: stable, dashed: unstable.</source>
        <translation>
            <numerusform>%n equilibrium branch along %1; solid: stable, dashed: unstable.</numerusform>
            <numerusform>%n equilibrium branches along %1; solid: stable, dashed: unstable.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meadows::EquilibriaTab</name>
    <message numerus="yes">
        <source>%n equilibrium(s) at time %1 (from %2 starting points).</source>
        <translation>
            <numerusform>%n equilibrium at time %1 (from %2 starting points).</numerusform>
            <numerusform>%n equilibria at time %1 (from %2 starting points).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meadows::LoopsPanel</name>
    <message numerus="yes">
        <source>%n loop(s): %1 reinforcing, %2 balancing, %3 of unknown polarity</source>
        <translation>
            <numerusform>%n loop: %1 reinforcing, %2 balancing, %3 of unknown polarity</numerusform>
            <numerusform>%n loops: %1 reinforcing, %2 balancing, %3 of unknown polarity</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n loop(s): %1 reinforcing, %2 balancing</source>
        <translation>
            <numerusform>%n loop: %1 reinforcing, %2 balancing</numerusform>
            <numerusform>%n loops: %1 reinforcing, %2 balancing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meadows::MainWindow</name>
    <message numerus="yes">
        <source>%n problem(s): hover the red names</source>
        <translation>
            <numerusform>%n problem: hover the red name</numerusform>
            <numerusform>%n problems: hover the red names</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %1; %n element(s) could not be drawn as stored</source>
        <translation>
            <numerusform>Opened %1; %n element could not be drawn as stored</numerusform>
            <numerusform>Opened %1; %n elements could not be drawn as stored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 and %n more file(s)</source>
        <translation>
            <numerusform>Exported %1 and %n more file</numerusform>
            <numerusform>Exported %1 and %n more files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n variable(s) need an equation</source>
        <translation>
            <numerusform>%n variable needs an equation</numerusform>
            <numerusform>%n variables need an equation</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meadows::SensitivityTab</name>
    <message numerus="yes">
        <source>Running the model %n time(s)…</source>
        <translation>
            <numerusform>Running the model %n time…</numerusform>
            <numerusform>Running the model %n times…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) varying %1: percentile bands of every charted variable.</source>
        <translation>
            <numerusform>%n run varying %1: percentile bands of every charted variable.</numerusform>
            <numerusform>%n runs varying %1: percentile bands of every charted variable.</numerusform>
        </translation>
    </message>
</context>
</TS>
