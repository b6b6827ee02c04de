<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AddConnectorCommand</name>
    <message>
        <source>Connect %1 to %2</source>
        <translation>%1 mit %2 verbinden</translation>
    </message>
</context>
<context>
    <name>AddFlowCommand</name>
    <message>
        <source>Flow</source>
        <translation>Fluss</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>AddTextCommand</name>
    <message>
        <source>Add text</source>
        <translation>Text hinzufügen</translation>
    </message>
</context>
<context>
    <name>AddVariableCommand</name>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>BendConnectorCommand</name>
    <message>
        <source>Bend connector</source>
        <translation>Wirkungspfeil biegen</translation>
    </message>
</context>
<context>
    <name>BendFlowCommand</name>
    <message>
        <source>Reshape %1</source>
        <translation>%1 umformen</translation>
    </message>
</context>
<context>
    <name>ConnectorMarksCommand</name>
    <message>
        <source>Mark connector</source>
        <translation>Wirkungspfeil markieren</translation>
    </message>
</context>
<context>
    <name>DeleteVariablesCommand</name>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n element(s)</source>
        <translation>
            <numerusform>%n Element löschen</numerusform>
            <numerusform>%n Elemente löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagramClipboard</name>
    <message>
        <source>The clipboard holds no model elements.</source>
        <translation>Die Zwischenablage enthält keine Modellelemente.</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source>The clipboard&apos;s model could not be read.</source>
        <translation>Das Modell in der Zwischenablage konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>EditTextCommand</name>
    <message>
        <source>Edit text</source>
        <translation>Text bearbeiten</translation>
    </message>
</context>
<context>
    <name>MoveVariablesCommand</name>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %n element(s)</source>
        <translation>
            <numerusform>%n Element verschieben</numerusform>
            <numerusform>%n Elemente verschieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasteElementsCommand</name>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Change simulation settings</source>
        <translation>Simulationseinstellungen ändern</translation>
    </message>
    <message>
        <source>Dominance needs a model that runs.</source>
        <translation>Die Dominanzanalyse braucht ein lauffähiges Modell.</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>geteilt</translation>
    </message>
    <message>
        <source>No loop has half of the loops&apos; scores.</source>
        <translation>Keine Schleife hat die Hälfte der Schleifenwerte.</translation>
    </message>
    <message>
        <source>at rest</source>
        <translation>in Ruhe</translation>
    </message>
    <message>
        <source>No stock on a loop moves.</source>
        <translation>Kein Bestand auf einer Schleife bewegt sich.</translation>
    </message>
    <message>
        <source>no loop active</source>
        <translation>keine Schleife aktiv</translation>
    </message>
    <message>
        <source>The stocks move at a pace no loop changes (a limit holds a flow, or an outside input drives them).</source>
        <translation>Die Bestände ändern sich in einem Tempo, das keine Schleife verändert (eine Grenze hält einen Fluss fest, oder ein äußerer Eingang treibt sie).</translation>
    </message>
</context>
<context>
    <name>RenameVariableCommand</name>
    <message>
        <source>A name cannot be empty.</source>
        <translation>Ein Name darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A name cannot contain quotes or dots.</source>
        <translation>Ein Name darf keine Anführungszeichen oder Punkte enthalten.</translation>
    </message>
    <message>
        <source>There is already a variable named %1.</source>
        <translation>Es gibt bereits eine Variable namens %1.</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>ResizeElementCommand</name>
    <message>
        <source>Resize %1</source>
        <translation>Größe von %1 ändern</translation>
    </message>
</context>
<context>
    <name>SetDimensionsCommand</name>
    <message>
        <source>Make %1 a single value</source>
        <translation>%1 zu einem Einzelwert machen</translation>
    </message>
    <message>
        <source>Array %1 by %2</source>
        <translation>%1 über %2 indizieren</translation>
    </message>
    <message>
        <source>Define dimension %1</source>
        <translation>Dimension %1 definieren</translation>
    </message>
</context>
<context>
    <name>TidyDiagramCommand</name>
    <message>
        <source>Tidy Diagram</source>
        <translation>Diagramm aufräumen</translation>
    </message>
</context>
<context>
    <name>meadows::AnalysisJob</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this analysis</source>
        <translation>Diese Analyse anhalten</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>meadows::AnalysisPanel</name>
    <message>
        <source>Equilibria</source>
        <translation>Gleichgewichte</translation>
    </message>
    <message>
        <source>Bifurcation</source>
        <translation>Bifurkation</translation>
    </message>
    <message>
        <source>Recovery map</source>
        <translation>Erholungskarte</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensitivität</translation>
    </message>
</context>
<context>
    <name>meadows::AnalysisTab</name>
    <message>
        <source>Open a model to analyse it.</source>
        <translation>Öffnen Sie ein Modell, um es zu analysieren.</translation>
    </message>
    <message>
        <source>A causal-loop diagram has no equations: give the variables equations to find its steady states.</source>
        <translation>Ein Kausalschleifendiagramm hat keine Gleichungen: Geben Sie den Variablen Gleichungen, um seine Gleichgewichte zu finden.</translation>
    </message>
    <message>
        <source>The model does not compile.</source>
        <translation>Das Modell lässt sich nicht übersetzen.</translation>
    </message>
</context>
<context>
    <name>meadows::Autosave</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Could not recover: %1</source>
        <translation>Wiederherstellung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Recovered unsaved work</source>
        <translation>Ungespeicherte Arbeit wiederhergestellt</translation>
    </message>
    <message>
        <source>an untitled model</source>
        <translation>einem unbenannten Modell</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>Ungespeicherte Arbeit wiederherstellen</translation>
    </message>
    <message>
        <source>Meadows did not close properly. Unsaved work on %1 from %2 can be recovered. Recover it?</source>
        <translation>Meadows wurde nicht ordnungsgemäß beendet. Ungespeicherte Arbeit an %1 vom %2 kann wiederhergestellt werden. Wiederherstellen?</translation>
    </message>
</context>
<context>
    <name>meadows::BifurcationChart</name>
    <message>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <source>unstable</source>
        <translation>instabil</translation>
    </message>
    <message>
        <source>tipping point (fold): %1 = %2, %3 = %4</source>
        <translation>Kipppunkt (Faltung): %1 = %2, %3 = %4</translation>
    </message>
    <message>
        <source>Hopf: %1 = %2, %3 = %4</source>
        <translation>Hopf: %1 = %2, %3 = %4</translation>
    </message>
</context>
<context>
    <name>meadows::BifurcationTab</name>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Follow every equilibrium as the parameter moves over its range</source>
        <translation>Jedes Gleichgewicht verfolgen, während der Parameter seinen Bereich durchläuft</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Stock shown</source>
        <translation>Gezeigter Bestand</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>The model has no constant to vary.</source>
        <translation>Das Modell hat keine Konstante zum Variieren.</translation>
    </message>
    <message>
        <source>Following the equilibria along %1…</source>
        <translation>Gleichgewichte werden entlang %1 verfolgt…</translation>
    </message>
    <message>
        <source>Tipping point (fold) at %1 = %2: two equilibria meet and vanish there.</source>
        <translation>Kipppunkt (Faltung) bei %1 = %2: Dort treffen sich zwei Gleichgewichte und verschwinden.</translation>
    </message>
    <message>
        <source>Hopf point at %1 = %2: the steady state turns into an oscillation there.</source>
        <translation>Hopf-Punkt bei %1 = %2: Dort wird aus dem Gleichgewicht eine Schwingung.</translation>
    </message>
    <message>
        <source>No tipping point between %1 and %2.</source>
        <translation>Kein Kipppunkt zwischen %1 und %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n equilibrium branch(es) along %1; solid: stable, dashed: unstable.</source>
        <translation>
            <numerusform>%n Gleichgewichtszweig entlang %1; durchgezogen: stabil, gestrichelt: instabil.</numerusform>
            <numerusform>%n Gleichgewichtszweige entlang %1; durchgezogen: stabil, gestrichelt: instabil.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meadows::ChartsPlotView</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>Zeit (%1)</translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
</context>
<context>
    <name>meadows::DiagramScene</name>
    <message>
        <source>%1 has no position on the diagram</source>
        <translation>%1 hat keine Position im Diagramm</translation>
    </message>
    <message>
        <source>flow %1 has no pipe (fewer than two points)</source>
        <translation>Fluss %1 hat keine Leitung (weniger als zwei Punkte)</translation>
    </message>
    <message>
        <source>a connector from %1 to %2 has an end that is not on the diagram</source>
        <translation>ein Wirkungspfeil von %1 nach %2 hat ein Ende außerhalb des Diagramms</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>A flow needs two different ends.</source>
        <translation>Ein Fluss braucht zwei verschiedene Enden.</translation>
    </message>
    <message>
        <source>A stock changes only through its flows; connect to one of its flows instead.</source>
        <translation>Ein Bestand ändert sich nur durch seine Flüsse; verbinden Sie stattdessen einen seiner Flüsse.</translation>
    </message>
    <message>
        <source>Connect to the variable itself, not to its alias.</source>
        <translation>Verbinden Sie die Variable selbst, nicht ihren Alias.</translation>
    </message>
    <message>
        <source>Click to bend the pipe; click a stock or double-click to end it; Esc cancels.</source>
        <translation>Klicken knickt das Rohr; ein Klick auf einen Bestand oder ein Doppelklick beendet es; Esc bricht ab.</translation>
    </message>
</context>
<context>
    <name>meadows::Document</name>
    <message>
        <source>%1 could not be read.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>meadows::DominanceBand</name>
    <message>
        <source>No loop dominance to show</source>
        <translation>Keine Schleifendominanz anzuzeigen</translation>
    </message>
</context>
<context>
    <name>meadows::EquilibriaTab</name>
    <message>
        <source>Find equilibria</source>
        <translation>Gleichgewichte finden</translation>
    </message>
    <message>
        <source>Find the steady states again (they are found whenever the equations change)</source>
        <translation>Die Gleichgewichte erneut finden (sie werden bei jeder Änderung der Gleichungen gefunden)</translation>
    </message>
    <message>
        <source>Equilibria</source>
        <translation>Gleichgewichte</translation>
    </message>
    <message>
        <source>Steady states: where every stock&apos;s net flow is zero, with STEP, PULSE and TIME held at the start. Stable: nearby states return (every eigenvalue&apos;s real part below zero); unstable: they leave; saddle: some directions return, others leave (the edge between two stable states).</source>
        <translation>Gleichgewichte: wo der Nettofluss jedes Bestands null ist, mit STEP, PULSE und TIME auf dem Start festgehalten. Stabil: nahe Zustände kehren zurück (der Realteil jedes Eigenwerts ist negativ); instabil: sie entfernen sich; Sattel: manche Richtungen kehren zurück, andere entfernen sich (die Kante zwischen zwei stabilen Zuständen).</translation>
    </message>
    <message>
        <source>Finding equilibria…</source>
        <translation>Gleichgewichte werden gesucht…</translation>
    </message>
    <message>
        <source>Eigenvalues</source>
        <translation>Eigenwerte</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>Stabilität</translation>
    </message>
    <message>
        <source>Oscillatory</source>
        <translation>Schwingend</translation>
    </message>
    <message>
        <source>Kink</source>
        <translation>Knick</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <source>unstable</source>
        <translation>instabil</translation>
    </message>
    <message>
        <source>saddle</source>
        <translation>Sattel</translation>
    </message>
    <message>
        <source>%1 (neutral: an eigenvalue&apos;s real part is zero)</source>
        <translation>%1 (neutral: der Realteil eines Eigenwerts ist null)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>equilibrium %1 sits on a %2 kink in &apos;%3&apos;: the net flows have a different slope on each side, and its eigenvalues are those of the average slope</source>
        <translation>Gleichgewicht %1 liegt auf einem %2-Knick in &apos;%3&apos;: Die Nettoflüsse haben auf jeder Seite eine andere Steigung, und seine Eigenwerte sind die der mittleren Steigung</translation>
    </message>
    <message>
        <source>Several stable states: the unstable and saddle ones between them are the edges a disturbance must push the stocks across to tip the model from one to another.</source>
        <translation>Mehrere stabile Gleichgewichte: Die instabilen und Sattelpunkte dazwischen sind die Kanten, über die eine Störung die Bestände schieben muss, um das Modell von einem ins andere kippen zu lassen.</translation>
    </message>
    <message>
        <source>One stable state, and beyond the unstable one the stocks move away from it: a threshold that a large enough disturbance crosses.</source>
        <translation>Ein stabiles Gleichgewicht, und jenseits des instabilen entfernen sich die Bestände davon: eine Schwelle, die eine genügend große Störung überschreitet.</translation>
    </message>
    <message>
        <source>No equilibrium at time %1: Newton&apos;s method found none from %2 starting points (the stocks never all stop changing).</source>
        <translation>Kein Gleichgewicht zur Zeit %1: Das Newton-Verfahren fand von %2 Startpunkten aus keines (die Bestände hören nie alle auf, sich zu ändern).</translation>
    </message>
    <message numerus="yes">
        <source>%n equilibrium(s) at time %1 (from %2 starting points).</source>
        <translation>
            <numerusform>%n Gleichgewicht zur Zeit %1 (von %2 Startpunkten aus).</numerusform>
            <numerusform>%n Gleichgewichte zur Zeit %1 (von %2 Startpunkten aus).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meadows::GraphicalFunctionEditor</name>
    <message>
        <source>Input (x)</source>
        <translation>Eingang (x)</translation>
    </message>
    <message>
        <source>Output (y)</source>
        <translation>Ausgang (y)</translation>
    </message>
</context>
<context>
    <name>meadows::LivePanels</name>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Sliders</source>
        <translation>Schieberegler</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Schleifen</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation>%1 auf %2 setzen</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
</context>
<context>
    <name>meadows::LiveWorkspace</name>
    <message>
        <source>Log scale</source>
        <translation>Log. Skala</translation>
    </message>
    <message>
        <source>Save run…</source>
        <translation>Lauf speichern…</translation>
    </message>
    <message>
        <source>Save run</source>
        <translation>Lauf speichern</translation>
    </message>
    <message>
        <source>Name of this run:</source>
        <translation>Name dieses Laufs:</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Basislauf</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Simulation settings…</source>
        <translation>Simulationseinstellungen…</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Time shown in the diagram</source>
        <translation>Im Diagramm gezeigter Zeitpunkt</translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <source>Variables to chart</source>
        <translation>Variablen für die Grafik</translation>
    </message>
    <message>
        <source>Saved runs</source>
        <translation>Gespeicherte Läufe</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>A causal-loop diagram: its loops are in the Loops panel. Give the variables equations to simulate it.</source>
        <translation>Ein Wirkungsdiagramm: Seine Schleifen stehen im Bereich „Schleifen“. Geben Sie den Variablen Gleichungen, um es zu simulieren.</translation>
    </message>
    <message>
        <source>before</source>
        <translation>vorher</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>Compare %1 and %2</source>
        <translation>%1 und %2 vergleichen</translation>
    </message>
    <message>
        <source>Export run</source>
        <translation>Lauf exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>Export nicht möglich: %1</translation>
    </message>
    <message>
        <source>One axis</source>
        <translation>Eine Achse</translation>
    </message>
    <message>
        <source>Draw every series against one value axis, instead of a chart for each kind of quantity</source>
        <translation>Alle Reihen an einer Werteachse zeichnen, statt eines Diagramms je Art von Größe</translation>
    </message>
    <message>
        <source>Compare two saved runs, or one with the current run: pick them in Saved runs</source>
        <translation>Zwei gespeicherte Läufe vergleichen, oder einen mit dem aktuellen Lauf: unter Gespeicherte Läufe auswählen</translation>
    </message>
</context>
<context>
    <name>meadows::LoopsPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>Finding loops…</source>
        <translation>Schleifen werden gesucht…</translation>
    </message>
    <message>
        <source>Finding loops… %1 so far</source>
        <translation>Schleifen werden gesucht… bisher %1</translation>
    </message>
    <message numerus="yes">
        <source>%n loop(s): %1 reinforcing, %2 balancing, %3 of unknown polarity</source>
        <translation>
            <numerusform>%n Schleife: %1 verstärkend, %2 ausgleichend, %3 mit unbekannter Polarität</numerusform>
            <numerusform>%n Schleifen: %1 verstärkend, %2 ausgleichend, %3 mit unbekannter Polarität</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n loop(s): %1 reinforcing, %2 balancing</source>
        <translation>
            <numerusform>%n Schleife: %1 verstärkend, %2 ausgleichend</numerusform>
            <numerusform>%n Schleifen: %1 verstärkend, %2 ausgleichend</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — the search stopped early, the list is incomplete</source>
        <translation>%1 – die Suche wurde vorzeitig beendet, die Liste ist unvollständig</translation>
    </message>
    <message>
        <source>Only reinforcing loops (click again for all)</source>
        <translation>Nur verstärkende Schleifen (erneut klicken für alle)</translation>
    </message>
    <message>
        <source>Only balancing loops (click again for all)</source>
        <translation>Nur ausgleichende Schleifen (erneut klicken für alle)</translation>
    </message>
    <message>
        <source>Only loops of unknown polarity (click again for all)</source>
        <translation>Nur Schleifen unbekannter Polarität (erneut klicken für alle)</translation>
    </message>
    <message>
        <source>Which loop was in charge when</source>
        <translation>Welche Schleife wann bestimmend war</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Show the loops&apos; relative scores over time as a line chart</source>
        <translation>Die relativen Schleifenwerte über die Zeit als Liniendiagramm zeigen</translation>
    </message>
    <message>
        <source>These are the loops that matter, found by strongest-path discovery: the model has too many loops to list them all.</source>
        <translation>Dies sind die Schleifen, die zählen, gefunden durch Suche nach den stärksten Pfaden: Das Modell hat zu viele Schleifen, um alle aufzulisten.</translation>
    </message>
</context>
<context>
    <name>meadows::MainWindow</name>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): hover the red names</source>
        <translation>
            <numerusform>%n Problem: Mauszeiger über die roten Namen halten</numerusform>
            <numerusform>%n Probleme: Mauszeiger über die roten Namen halten</numerusform>
        </translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles &amp;markieren</translation>
    </message>
    <message>
        <source>S&amp;nap to Grid</source>
        <translation>Am &amp;Gitter ausrichten</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation>&amp;Links ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Centres Vertically</source>
        <translation>Mitten &amp;senkrecht ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation>&amp;Rechts ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation>&amp;Oben ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Middles Horizontally</source>
        <translation>Mitten &amp;waagerecht ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Bottom</source>
        <translation>&amp;Unten ausrichten</translation>
    </message>
    <message>
        <source>Distribute &amp;Horizontally</source>
        <translation>&amp;Horizontal verteilen</translation>
    </message>
    <message>
        <source>Distribute &amp;Vertically</source>
        <translation>&amp;Vertikal verteilen</translation>
    </message>
    <message>
        <source>T&amp;idy Diagram</source>
        <translation>Diagramm &amp;aufräumen</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Fit Diagram</source>
        <translation>Diagramm &amp;einpassen</translation>
    </message>
    <message>
        <source>Ctrl+9</source>
        <translation>Ctrl+9</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Select, move and bend (V, Esc)</source>
        <translation>Auswählen, verschieben und biegen (V, Esc)</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Place a stock (S); Shift keeps the tool</source>
        <translation>Bestand platzieren (S); mit Umschalt bleibt das Werkzeug aktiv</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Fluss</translation>
    </message>
    <message>
        <source>Drag from a stock or empty space to another (F)</source>
        <translation>Von einem Bestand oder einer freien Stelle zu einer anderen ziehen (F)</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Place an auxiliary or constant (A)</source>
        <translation>Hilfsvariable oder Konstante platzieren (A)</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Wirkungspfeil</translation>
    </message>
    <message>
        <source>Drag from a variable to one it informs (C)</source>
        <translation>Von einer Variablen zu einer von ihr beeinflussten ziehen (C)</translation>
    </message>
    <message>
        <source>Loop Variable</source>
        <translation>Schleifenvariable</translation>
    </message>
    <message>
        <source>Place a causal-loop-diagram variable (L)</source>
        <translation>Variable eines Wirkungsdiagramms platzieren (L)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Place a text annotation (T); double-click text to edit it</source>
        <translation>Textanmerkung platzieren (T); Doppelklick auf einen Text bearbeitet ihn</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>New model</source>
        <translation>Neues Modell</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>Models (*.xmile *.stmx *.itmx *.xml *.mmd);;XMILE models (*.xmile *.stmx *.itmx *.xml);;Mermaid flowcharts as causal-loop diagrams (*.mmd);;All files (*)</source>
        <translation>Modelle (*.xmile *.stmx *.itmx *.xml *.mmd);;XMILE-Modelle (*.xmile *.stmx *.itmx *.xml);;Mermaid-Flussdiagramme als Wirkungsdiagramme (*.mmd);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot Open Model</source>
        <translation>Modell kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1; %n element(s) could not be drawn as stored</source>
        <translation>
            <numerusform>%1 geöffnet; %n Element konnte nicht wie gespeichert gezeichnet werden</numerusform>
            <numerusform>%1 geöffnet; %n Elemente konnten nicht wie gespeichert gezeichnet werden</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Cannot Save Model</source>
        <translation>Modell kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Model As</source>
        <translation>Modell speichern unter</translation>
    </message>
    <message>
        <source>XMILE models (*.xmile *.stmx)</source>
        <translation>XMILE-Modelle (*.xmile *.stmx)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 enthält ungespeicherte Änderungen. Sollen sie gespeichert werden?</translation>
    </message>
    <message>
        <source>The model</source>
        <translation>Das Modell</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>%1[*] — Meadows</source>
        <translation>%1[*] – Meadows</translation>
    </message>
    <message>
        <source>Language Changed</source>
        <translation>Sprache geändert</translation>
    </message>
    <message>
        <source>Meadows will use the new language the next time it starts.</source>
        <translation>Meadows verwendet die neue Sprache beim nächsten Start.</translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>Arran&amp;ge</source>
        <translation>Anor&amp;dnen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Diagram as &amp;SVG…</source>
        <translation>Diagramm als &amp;SVG…</translation>
    </message>
    <message>
        <source>Diagram as &amp;PNG…</source>
        <translation>Diagramm als &amp;PNG…</translation>
    </message>
    <message>
        <source>Diagram as P&amp;DF…</source>
        <translation>Diagramm als P&amp;DF…</translation>
    </message>
    <message>
        <source>P&amp;ostmortem (Markdown)…</source>
        <translation>P&amp;ostmortem (Markdown)…</translation>
    </message>
    <message>
        <source>Causal Links as M&amp;ermaid…</source>
        <translation>Wirkungsbeziehungen als M&amp;ermaid…</translation>
    </message>
    <message>
        <source>Causal Links as &amp;Graphviz…</source>
        <translation>Wirkungsbeziehungen als &amp;Graphviz…</translation>
    </message>
    <message>
        <source>Cop&amp;y as Image</source>
        <translation>Als &amp;Bild kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Copied the diagram as an image</source>
        <translation>Diagramm als Bild kopiert</translation>
    </message>
    <message>
        <source>Copied the selection as an image</source>
        <translation>Auswahl als Bild kopiert</translation>
    </message>
    <message>
        <source>model.%1</source>
        <translation>modell.%1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 and %n more file(s)</source>
        <translation>
            <numerusform>%1 und %n weitere Datei exportiert</numerusform>
            <numerusform>%1 und %n weitere Dateien exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Place a module, a model used inside this one (M)</source>
        <translation>Modul platzieren, ein Modell innerhalb dieses Modells (M)</translation>
    </message>
    <message numerus="yes">
        <source>%n variable(s) need an equation</source>
        <translation>
            <numerusform>%n Variable braucht eine Gleichung</numerusform>
            <numerusform>%n Variablen brauchen eine Gleichung</numerusform>
        </translation>
    </message>
    <message>
        <source>The run cannot go ahead: see Results</source>
        <translation>Der Lauf kann nicht starten: siehe Ergebnisse</translation>
    </message>
</context>
<context>
    <name>meadows::ModuleConnectionsEditor</name>
    <message>
        <source>Input</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>Fed by</source>
        <translation>Gespeist von</translation>
    </message>
    <message>
        <source>(its own equation)</source>
        <translation>(eigene Gleichung)</translation>
    </message>
</context>
<context>
    <name>meadows::ParameterRow</name>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>values</source>
        <translation>Werte</translation>
    </message>
</context>
<context>
    <name>meadows::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies when Meadows starts next time.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Meadows.</translation>
    </message>
</context>
<context>
    <name>meadows::ProblemMarks</name>
    <message>
        <source>Needs an equation</source>
        <translation>Braucht eine Gleichung</translation>
    </message>
</context>
<context>
    <name>meadows::PropertiesPanel</name>
    <message>
        <source>Select a variable to see and edit its equation.</source>
        <translation>Wählen Sie eine Variable aus, um ihre Gleichung zu sehen und zu bearbeiten.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Equation</source>
        <translation>&amp;Gleichung</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensionen</translation>
    </message>
    <message>
        <source>Graphical function</source>
        <translation>Grafische Funktion</translation>
    </message>
    <message>
        <source>The variable&apos;s value is this curve, read at the value of its equation.</source>
        <translation>Der Wert der Variablen ist diese Kurve, abgelesen am Wert ihrer Gleichung.</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>&amp;Einheiten</translation>
    </message>
    <message>
        <source>Non-negative</source>
        <translation>Nicht negativ</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>+ (same direction)</source>
        <translation>+ (gleichgerichtet)</translation>
    </message>
    <message>
        <source>− (opposite direction)</source>
        <translation>− (entgegengerichtet)</translation>
    </message>
    <message>
        <source>&amp;Polarity</source>
        <translation>&amp;Polarität</translation>
    </message>
    <message>
        <source>Delay mark ‖</source>
        <translation>Verzögerungsmarke ‖</translation>
    </message>
    <message>
        <source>Add graphical function</source>
        <translation>Grafische Funktion hinzufügen</translation>
    </message>
    <message>
        <source>Remove graphical function</source>
        <translation>Grafische Funktion entfernen</translation>
    </message>
    <message>
        <source>Edit graphical function</source>
        <translation>Grafische Funktion bearbeiten</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Fluss</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Connector from %1 to %2</source>
        <translation>Wirkungspfeil von %1 nach %2</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Edit equation of %1</source>
        <translation>Gleichung von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Set units of %1</source>
        <translation>Einheiten von %1 festlegen</translation>
    </message>
    <message>
        <source>Document %1</source>
        <translation>%1 dokumentieren</translation>
    </message>
    <message>
        <source>Make %1 non-negative</source>
        <translation>%1 nicht negativ machen</translation>
    </message>
    <message>
        <source>Allow %1 to go negative</source>
        <translation>Negative Werte für %1 zulassen</translation>
    </message>
    <message>
        <source>The model, among this file&apos;s models, that the module runs.</source>
        <translation>Das Modell dieser Datei, das das Modul ausführt.</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingänge</translation>
    </message>
    <message>
        <source>Tick the dimensions this variable is arrayed over; its equation applies to every element.</source>
        <translation>Die Dimensionen ankreuzen, über die diese Variable indiziert ist; ihre Gleichung gilt für jedes Element.</translation>
    </message>
    <message>
        <source>New dimension: Region = north, south (or = 3)</source>
        <translation>Neue Dimension: Region = Nord, Süd (oder = 3)</translation>
    </message>
    <message>
        <source>Connect the inputs of %1</source>
        <translation>Eingänge von %1 verbinden</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>(keines gewählt)</translation>
    </message>
    <message>
        <source>%1 (not in this file)</source>
        <translation>%1 (nicht in dieser Datei)</translation>
    </message>
    <message>
        <source>1 to %1</source>
        <translation>1 bis %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Write a new dimension as Name = element, element (or Name = a count).</source>
        <translation>Eine neue Dimension als Name = Element, Element schreiben (oder Name = Anzahl).</translation>
    </message>
    <message>
        <source>There is already a dimension called %1.</source>
        <translation>Es gibt bereits eine Dimension namens %1.</translation>
    </message>
    <message>
        <source>Each element of %1 needs its own name.</source>
        <translation>Jedes Element von %1 braucht einen eigenen Namen.</translation>
    </message>
    <message>
        <source>Set the model of %1</source>
        <translation>Modell von %1 festlegen</translation>
    </message>
</context>
<context>
    <name>meadows::RecentFiles</name>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
</context>
<context>
    <name>meadows::RecoveryMapView</name>
    <message>
        <source>Recovery map</source>
        <translation>Erholungskarte</translation>
    </message>
    <message>
        <source>Choose the disturbance&apos;s parameters and press Run.</source>
        <translation>Wählen Sie die Parameter der Störung und drücken Sie Ausführen.</translation>
    </message>
    <message>
        <source>recovers</source>
        <translation>erholt sich</translation>
    </message>
    <message>
        <source>does not recover</source>
        <translation>erholt sich nicht</translation>
    </message>
</context>
<context>
    <name>meadows::RecoveryTab</name>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run the model at every point of the grid and say which runs recover</source>
        <translation>Das Modell an jedem Punkt des Gitters ausführen und sagen, welche Läufe sich erholen</translation>
    </message>
    <message>
        <source>Across</source>
        <translation>Waagrecht</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Senkrecht</translation>
    </message>
    <message>
        <source>Second parameter</source>
        <translation>Zweiter Parameter</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Toleranz</translation>
    </message>
    <message>
        <source>A run &lt;b&gt;recovers&lt;/b&gt; when every stock ends within the tolerance of where the reference run ends: the run with both parameters at their first value (put the undisturbed value there: a dip of size 0 or length 0). The tolerance is a share of the stock&apos;s largest size in the reference run. A run still far from it at the end (a backlog still growing) does not recover.</source>
        <translation>Ein Lauf &lt;b&gt;erholt sich&lt;/b&gt;, wenn jeder Bestand innerhalb der Toleranz dort endet, wo der Referenzlauf endet: der Lauf mit beiden Parametern auf ihrem ersten Wert (tragen Sie dort den ungestörten Wert ein: ein Einbruch der Größe 0 oder der Dauer 0). Die Toleranz ist ein Anteil am größten Wert des Bestands im Referenzlauf. Ein Lauf, der am Ende noch weit davon entfernt ist (ein Rückstau, der noch wächst), erholt sich nicht.</translation>
    </message>
    <message>
        <source>Choose two different constants to vary.</source>
        <translation>Wählen Sie zwei verschiedene Konstanten zum Variieren.</translation>
    </message>
    <message>
        <source>Running the grid…</source>
        <translation>Das Gitter wird gerechnet…</translation>
    </message>
    <message>
        <source>%1 of %2 runs recover (green). The reference run ends at %3.</source>
        <translation>%1 von %2 Läufen erholen sich (grün). Der Referenzlauf endet bei %3.</translation>
    </message>
    <message>
        <source>recovers below, does not recover above</source>
        <translation>erholt sich darunter, nicht darüber</translation>
    </message>
    <message>
        <source>recovers above, does not recover below</source>
        <translation>erholt sich darüber, nicht darunter</translation>
    </message>
    <message>
        <source>At %1 = %2: boundary at %3 (%4)</source>
        <translation>Bei %1 = %2: Grenze bei %3 (%4)</translation>
    </message>
    <message>
        <source>Boundary at %1 (%2)</source>
        <translation>Grenze bei %1 (%2)</translation>
    </message>
    <message>
        <source>Every run recovers.</source>
        <translation>Jeder Lauf erholt sich.</translation>
    </message>
    <message>
        <source>No run recovers.</source>
        <translation>Kein Lauf erholt sich.</translation>
    </message>
    <message>
        <source>No boundary along %1.</source>
        <translation>Keine Grenze entlang %1.</translation>
    </message>
</context>
<context>
    <name>meadows::RunComparisonModel</name>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>%1 at end</source>
        <translation>%1: Endwert</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>%1 peak</source>
        <translation>%1: Spitzenwert</translation>
    </message>
</context>
<context>
    <name>meadows::RunStore</name>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>There is no such run.</source>
        <translation>Diesen Lauf gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>meadows::SensitivityTab</name>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run the model many times with the constants drawn from their ranges</source>
        <translation>Das Modell viele Male ausführen, mit aus ihren Bereichen gezogenen Konstanten</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>Variieren</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Constants varied</source>
        <translation>Variierte Konstanten</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Show bands on the Results chart</source>
        <translation>Bänder im Ergebnisdiagramm zeigen</translation>
    </message>
    <message>
        <source>The model changed: run again for its bands.</source>
        <translation>Das Modell hat sich geändert: Führen Sie es erneut aus, um seine Bänder zu erhalten.</translation>
    </message>
    <message>
        <source>The model has no constant to vary.</source>
        <translation>Das Modell hat keine Konstante zum Variieren.</translation>
    </message>
    <message numerus="yes">
        <source>Running the model %n time(s)…</source>
        <translation>
            <numerusform>Das Modell wird %n-mal ausgeführt…</numerusform>
            <numerusform>Das Modell wird %n-mal ausgeführt…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) varying %1: percentile bands of every charted variable.</source>
        <translation>
            <numerusform>%n Lauf mit variiertem %1: Perzentilbänder jeder gezeigten Variable.</numerusform>
            <numerusform>%n Läufe mit variiertem %1: Perzentilbänder jeder gezeigten Variable.</numerusform>
        </translation>
    </message>
    <message>
        <source>Vary this constant too, drawn from its distribution</source>
        <translation>Diese Konstante ebenfalls variieren, gezogen aus ihrer Verteilung</translation>
    </message>
    <message>
        <source>Distribution kind</source>
        <translation>Art der Verteilung</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>gleichverteilt</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>triangular</source>
        <translation>dreiecksförmig</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>uniform(min, max), normal(mean, sd) or triangular(min, mode, max)</source>
        <translation>uniform(min, max), normal(Mittelwert, sd) oder triangular(min, Modus, max)</translation>
    </message>
    <message>
        <source>Each run draws the constants listed (or the one chosen, when none is listed) from their distributions, by Latin hypercube sampling. The Results chart shades where 90 % (light) and 50 % (dark) of the runs lie, with the median dotted.</source>
        <translation>Jeder Lauf zieht die aufgeführten Konstanten (oder die gewählte, wenn keine aufgeführt ist) aus ihren Verteilungen, per Latin-Hypercube-Stichprobe. Das Ergebnisdiagramm schattiert, wo 90 % (hell) und 50 % (dunkel) der Läufe liegen, den Median gepunktet.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>meadows::SimSpecsDialog</name>
    <message>
        <source>Simulation settings</source>
        <translation>Simulationseinstellungen</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>Start time (%1)</source>
        <translation>Startzeit (%1)</translation>
    </message>
    <message>
        <source>Stop time</source>
        <translation>Endzeit</translation>
    </message>
    <message>
        <source>Stop time (%1)</source>
        <translation>Endzeit (%1)</translation>
    </message>
    <message>
        <source>DT</source>
        <translation>DT</translation>
    </message>
    <message>
        <source>Save step</source>
        <translation>Speicherschritt</translation>
    </message>
    <message>
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <source>Runge-Kutta 2</source>
        <translation>Runge-Kutta 2</translation>
    </message>
    <message>
        <source>Runge-Kutta 4</source>
        <translation>Runge-Kutta 4</translation>
    </message>
    <message>
        <source>Adaptive (RK45)</source>
        <translation>Adaptiv (RK45)</translation>
    </message>
    <message>
        <source>Stiff (Rosenbrock)</source>
        <translation>Steif (Rosenbrock)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>The stop time must come after the start time.</source>
        <translation>Die Endzeit muss nach der Startzeit liegen.</translation>
    </message>
    <message>
        <source>DT must be positive.</source>
        <translation>DT muss positiv sein.</translation>
    </message>
    <message>
        <source>The save step cannot be shorter than DT.</source>
        <translation>Der Speicherschritt darf nicht kleiner als DT sein.</translation>
    </message>
    <message>
        <source>The model computes this at every step: edit the equation of &apos;%1&apos; to change it.</source>
        <translation>Das Modell berechnet dies bei jedem Schritt: ändern Sie die Gleichung von „%1“, um es zu ändern.</translation>
    </message>
    <message>
        <source>%1, computed by &apos;%2&apos;</source>
        <translation>%1, berechnet von „%2“</translation>
    </message>
    <message>
        <source>computed at every step</source>
        <translation>bei jedem Schritt berechnet</translation>
    </message>
</context>
<context>
    <name>meadows::SliderPanel</name>
    <message>
        <source>Set range…</source>
        <translation>Bereich festlegen…</translation>
    </message>
    <message>
        <source>Range of %1</source>
        <translation>Bereich von %1</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schrittweite</translation>
    </message>
    <message>
        <source>Find a constant</source>
        <translation>Konstante suchen</translation>
    </message>
    <message>
        <source>Other constants</source>
        <translation>Weitere Konstanten</translation>
    </message>
    <message>
        <source>Reset to saved value</source>
        <translation>Auf gespeicherten Wert zurücksetzen</translation>
    </message>
    <message>
        <source>No constants: a slider appears here for each constant in the model (a variable whose equation is a number).</source>
        <translation>Keine Konstanten: Hier erscheint ein Schieberegler für jede Konstante des Modells (eine Variable, deren Gleichung eine Zahl ist).</translation>
    </message>
    <message>
        <source>From %1 to %2 in steps of %3; right-click to change</source>
        <translation>Von %1 bis %2 in Schritten von %3; Rechtsklick zum Ändern</translation>
    </message>
</context>
</TS>
