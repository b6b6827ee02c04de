<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AddConnectorCommand</name>
    <message>
        <source>Connect %1 to %2</source>
        <translation>Relier %1 à %2</translation>
    </message>
</context>
<context>
    <name>AddFlowCommand</name>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
</context>
<context>
    <name>AddTextCommand</name>
    <message>
        <source>Add text</source>
        <translation>Ajouter un texte</translation>
    </message>
</context>
<context>
    <name>AddVariableCommand</name>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Facteur</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
</context>
<context>
    <name>BendConnectorCommand</name>
    <message>
        <source>Bend connector</source>
        <translation>Courber le connecteur</translation>
    </message>
</context>
<context>
    <name>BendFlowCommand</name>
    <message>
        <source>Reshape %1</source>
        <translation>Remodeler %1</translation>
    </message>
</context>
<context>
    <name>ConnectorMarksCommand</name>
    <message>
        <source>Mark connector</source>
        <translation>Marquer le connecteur</translation>
    </message>
</context>
<context>
    <name>DeleteVariablesCommand</name>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n element(s)</source>
        <translation>
            <numerusform>Supprimer %n élément</numerusform>
            <numerusform>Supprimer %n éléments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagramClipboard</name>
    <message>
        <source>The clipboard holds no model elements.</source>
        <translation>Le presse-papiers ne contient aucun élément de modèle.</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>presse-papiers</translation>
    </message>
    <message>
        <source>The clipboard&apos;s model could not be read.</source>
        <translation>Le modèle du presse-papiers n&apos;a pas pu être lu.</translation>
    </message>
</context>
<context>
    <name>EditTextCommand</name>
    <message>
        <source>Edit text</source>
        <translation>Modifier le texte</translation>
    </message>
</context>
<context>
    <name>MoveVariablesCommand</name>
    <message>
        <source>Move %1</source>
        <translation>Déplacer %1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n element(s)</source>
        <translation>
            <numerusform>Déplacer %n élément</numerusform>
            <numerusform>Déplacer %n éléments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasteElementsCommand</name>
    <message>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Change simulation settings</source>
        <translation>Modifier les paramètres de simulation</translation>
    </message>
    <message>
        <source>Dominance needs a model that runs.</source>
        <translation>L&apos;analyse de dominance nécessite un modèle qui s&apos;exécute.</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>partagé</translation>
    </message>
    <message>
        <source>No loop has half of the loops&apos; scores.</source>
        <translation>Aucune boucle n’a la moitié des scores des boucles.</translation>
    </message>
    <message>
        <source>at rest</source>
        <translation>au repos</translation>
    </message>
    <message>
        <source>No stock on a loop moves.</source>
        <translation>Aucun stock d’une boucle ne bouge.</translation>
    </message>
    <message>
        <source>no loop active</source>
        <translation>aucune boucle active</translation>
    </message>
    <message>
        <source>The stocks move at a pace no loop changes (a limit holds a flow, or an outside input drives them).</source>
        <translation>Les stocks évoluent à un rythme qu’aucune boucle ne change (une limite bloque un flux, ou une entrée extérieure les pousse).</translation>
    </message>
</context>
<context>
    <name>RenameVariableCommand</name>
    <message>
        <source>A name cannot be empty.</source>
        <translation>Un nom ne peut pas être vide.</translation>
    </message>
    <message>
        <source>A name cannot contain quotes or dots.</source>
        <translation>Un nom ne peut contenir ni guillemets ni points.</translation>
    </message>
    <message>
        <source>There is already a variable named %1.</source>
        <translation>Il existe déjà une variable nommée %1.</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Renommer %1 en %2</translation>
    </message>
</context>
<context>
    <name>ResizeElementCommand</name>
    <message>
        <source>Resize %1</source>
        <translation>Redimensionner %1</translation>
    </message>
</context>
<context>
    <name>SetDimensionsCommand</name>
    <message>
        <source>Make %1 a single value</source>
        <translation>Faire de %1 une valeur unique</translation>
    </message>
    <message>
        <source>Array %1 by %2</source>
        <translation>Indicer %1 par %2</translation>
    </message>
    <message>
        <source>Define dimension %1</source>
        <translation>Définir la dimension %1</translation>
    </message>
</context>
<context>
    <name>TidyDiagramCommand</name>
    <message>
        <source>Tidy Diagram</source>
        <translation>Ranger le diagramme</translation>
    </message>
</context>
<context>
    <name>meadows::AnalysisJob</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop this analysis</source>
        <translation>Arrêter cette analyse</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
</context>
<context>
    <name>meadows::AnalysisPanel</name>
    <message>
        <source>Equilibria</source>
        <translation>Équilibres</translation>
    </message>
    <message>
        <source>Bifurcation</source>
        <translation>Bifurcation</translation>
    </message>
    <message>
        <source>Recovery map</source>
        <translation>Carte de rétablissement</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensibilité</translation>
    </message>
</context>
<context>
    <name>meadows::AnalysisTab</name>
    <message>
        <source>Open a model to analyse it.</source>
        <translation>Ouvrez un modèle pour l&apos;analyser.</translation>
    </message>
    <message>
        <source>A causal-loop diagram has no equations: give the variables equations to find its steady states.</source>
        <translation>Un diagramme de boucles causales n&apos;a pas d&apos;équations : donnez des équations aux variables pour trouver ses états d&apos;équilibre.</translation>
    </message>
    <message>
        <source>The model does not compile.</source>
        <translation>Le modèle ne compile pas.</translation>
    </message>
</context>
<context>
    <name>meadows::Autosave</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Échec de l&apos;enregistrement automatique&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not recover: %1</source>
        <translation>Récupération impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Recovered unsaved work</source>
        <translation>Travail non enregistré récupéré</translation>
    </message>
    <message>
        <source>an untitled model</source>
        <translation>un modèle sans titre</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>Récupérer le travail non enregistré</translation>
    </message>
    <message>
        <source>Meadows did not close properly. Unsaved work on %1 from %2 can be recovered. Recover it?</source>
        <translation>Meadows ne s&apos;est pas fermé correctement. Le travail non enregistré sur %1 du %2 peut être récupéré. Le récupérer&#xa0;?</translation>
    </message>
</context>
<context>
    <name>meadows::BifurcationChart</name>
    <message>
        <source>stable</source>
        <translation>stable</translation>
    </message>
    <message>
        <source>unstable</source>
        <translation>instable</translation>
    </message>
    <message>
        <source>tipping point (fold): %1 = %2, %3 = %4</source>
        <translation>point de bascule (pli) : %1 = %2, %3 = %4</translation>
    </message>
    <message>
        <source>Hopf: %1 = %2, %3 = %4</source>
        <translation>Hopf : %1 = %2, %3 = %4</translation>
    </message>
</context>
<context>
    <name>meadows::BifurcationTab</name>
    <message>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Follow every equilibrium as the parameter moves over its range</source>
        <translation>Suivre chaque équilibre pendant que le paramètre parcourt sa plage</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Stock shown</source>
        <translation>Stock affiché</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>The model has no constant to vary.</source>
        <translation>Le modèle n&apos;a pas de constante à faire varier.</translation>
    </message>
    <message>
        <source>Following the equilibria along %1…</source>
        <translation>Suivi des équilibres le long de %1…</translation>
    </message>
    <message>
        <source>Tipping point (fold) at %1 = %2: two equilibria meet and vanish there.</source>
        <translation>Point de bascule (pli) à %1 = %2 : deux équilibres s&apos;y rejoignent et disparaissent.</translation>
    </message>
    <message>
        <source>Hopf point at %1 = %2: the steady state turns into an oscillation there.</source>
        <translation>Point de Hopf à %1 = %2 : l&apos;équilibre y devient une oscillation.</translation>
    </message>
    <message>
        <source>No tipping point between %1 and %2.</source>
        <translation>Aucun point de bascule entre %1 et %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n equilibrium branch(es) along %1; solid: stable, dashed: unstable.</source>
        <translation>
            <numerusform>%n branche d&apos;équilibre le long de %1 ; trait plein : stable, tirets : instable.</numerusform>
            <numerusform>%n branches d&apos;équilibre le long de %1 ; trait plein : stable, tirets : instable.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meadows::ChartsPlotView</name>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>Temps (%1)</translation>
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
        <translation>%1 n&apos;a pas de position dans le diagramme</translation>
    </message>
    <message>
        <source>flow %1 has no pipe (fewer than two points)</source>
        <translation>le flux %1 n&apos;a pas de tuyau (moins de deux points)</translation>
    </message>
    <message>
        <source>a connector from %1 to %2 has an end that is not on the diagram</source>
        <translation>un connecteur de %1 à %2 a une extrémité hors du diagramme</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>A flow needs two different ends.</source>
        <translation>Un flux a besoin de deux extrémités différentes.</translation>
    </message>
    <message>
        <source>A stock changes only through its flows; connect to one of its flows instead.</source>
        <translation>Un stock ne change que par ses flux&#xa0;; reliez plutôt l&apos;un de ses flux.</translation>
    </message>
    <message>
        <source>Connect to the variable itself, not to its alias.</source>
        <translation>Reliez la variable elle-même, pas son alias.</translation>
    </message>
    <message>
        <source>Click to bend the pipe; click a stock or double-click to end it; Esc cancels.</source>
        <translation>Cliquez pour couder le tuyau ; cliquez sur un stock ou double-cliquez pour le terminer ; Échap annule.</translation>
    </message>
</context>
<context>
    <name>meadows::Document</name>
    <message>
        <source>%1 could not be read.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
</context>
<context>
    <name>meadows::DominanceBand</name>
    <message>
        <source>No loop dominance to show</source>
        <translation>Aucune dominance de boucle à montrer</translation>
    </message>
</context>
<context>
    <name>meadows::EquilibriaTab</name>
    <message>
        <source>Find equilibria</source>
        <translation>Trouver les équilibres</translation>
    </message>
    <message>
        <source>Find the steady states again (they are found whenever the equations change)</source>
        <translation>Retrouver les états d&apos;équilibre (ils sont recherchés à chaque changement des équations)</translation>
    </message>
    <message>
        <source>Equilibria</source>
        <translation>Équilibres</translation>
    </message>
    <message>
        <source>Steady states: where every stock&apos;s net flow is zero, with STEP, PULSE and TIME held at the start. Stable: nearby states return (every eigenvalue&apos;s real part below zero); unstable: they leave; saddle: some directions return, others leave (the edge between two stable states).</source>
        <translation>États d&apos;équilibre : là où le flux net de chaque stock est nul, avec STEP, PULSE et TIME fixés au début. Stable : les états voisins y reviennent (partie réelle de chaque valeur propre négative) ; instable : ils s&apos;en éloignent ; col : certaines directions reviennent, d&apos;autres s&apos;éloignent (le bord entre deux états stables).</translation>
    </message>
    <message>
        <source>Finding equilibria…</source>
        <translation>Recherche des équilibres…</translation>
    </message>
    <message>
        <source>Eigenvalues</source>
        <translation>Valeurs propres</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>Stabilité</translation>
    </message>
    <message>
        <source>Oscillatory</source>
        <translation>Oscillant</translation>
    </message>
    <message>
        <source>Kink</source>
        <translation>Coude</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stable</translation>
    </message>
    <message>
        <source>unstable</source>
        <translation>instable</translation>
    </message>
    <message>
        <source>saddle</source>
        <translation>col</translation>
    </message>
    <message>
        <source>%1 (neutral: an eigenvalue&apos;s real part is zero)</source>
        <translation>%1 (neutre : la partie réelle d&apos;une valeur propre est nulle)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
    <message>
        <source>equilibrium %1 sits on a %2 kink in &apos;%3&apos;: the net flows have a different slope on each side, and its eigenvalues are those of the average slope</source>
        <translation>l&apos;équilibre %1 est sur un coude %2 dans &apos;%3&apos; : les flux nets ont une pente différente de chaque côté, et ses valeurs propres sont celles de la pente moyenne</translation>
    </message>
    <message>
        <source>Several stable states: the unstable and saddle ones between them are the edges a disturbance must push the stocks across to tip the model from one to another.</source>
        <translation>Plusieurs états stables : les états instables et les cols entre eux sont les bords qu&apos;une perturbation doit faire franchir aux stocks pour faire basculer le modèle de l&apos;un à l&apos;autre.</translation>
    </message>
    <message>
        <source>One stable state, and beyond the unstable one the stocks move away from it: a threshold that a large enough disturbance crosses.</source>
        <translation>Un état stable, et au-delà de l&apos;état instable les stocks s&apos;en éloignent : un seuil qu&apos;une perturbation assez grande franchit.</translation>
    </message>
    <message>
        <source>No equilibrium at time %1: Newton&apos;s method found none from %2 starting points (the stocks never all stop changing).</source>
        <translation>Aucun équilibre au temps %1 : la méthode de Newton n&apos;en a trouvé aucun depuis %2 points de départ (les stocks ne cessent jamais tous de changer).</translation>
    </message>
    <message numerus="yes">
        <source>%n equilibrium(s) at time %1 (from %2 starting points).</source>
        <translation>
            <numerusform>%n équilibre au temps %1 (depuis %2 points de départ).</numerusform>
            <numerusform>%n équilibres au temps %1 (depuis %2 points de départ).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meadows::GraphicalFunctionEditor</name>
    <message>
        <source>Input (x)</source>
        <translation>Entrée (x)</translation>
    </message>
    <message>
        <source>Output (y)</source>
        <translation>Sortie (y)</translation>
    </message>
</context>
<context>
    <name>meadows::LivePanels</name>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Sliders</source>
        <translation>Curseurs</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Boucles</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation>Régler %1 à %2</translation>
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
        <translation>Échelle log.</translation>
    </message>
    <message>
        <source>Save run…</source>
        <translation>Enregistrer la simulation…</translation>
    </message>
    <message>
        <source>Save run</source>
        <translation>Enregistrer la simulation</translation>
    </message>
    <message>
        <source>Name of this run:</source>
        <translation>Nom de cette simulation&#xa0;:</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>référence</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Comparer…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Simulation settings…</source>
        <translation>Paramètres de simulation…</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Time shown in the diagram</source>
        <translation>Instant affiché dans le diagramme</translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <source>Variables to chart</source>
        <translation>Variables à tracer</translation>
    </message>
    <message>
        <source>Saved runs</source>
        <translation>Simulations enregistrées</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>A causal-loop diagram: its loops are in the Loops panel. Give the variables equations to simulate it.</source>
        <translation>Un diagramme causal&#xa0;: ses boucles figurent dans le panneau Boucles. Donnez des équations aux variables pour le simuler.</translation>
    </message>
    <message>
        <source>before</source>
        <translation>avant</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>current</source>
        <translation>actuelle</translation>
    </message>
    <message>
        <source>Compare %1 and %2</source>
        <translation>Comparer %1 et %2</translation>
    </message>
    <message>
        <source>Export run</source>
        <translation>Exporter la simulation</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>Exportation impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>One axis</source>
        <translation>Un seul axe</translation>
    </message>
    <message>
        <source>Draw every series against one value axis, instead of a chart for each kind of quantity</source>
        <translation>Tracer toutes les séries sur un seul axe des valeurs, au lieu d&apos;un graphique par type de grandeur</translation>
    </message>
    <message>
        <source>Compare two saved runs, or one with the current run: pick them in Saved runs</source>
        <translation>Comparer deux simulations enregistrées, ou l&apos;une avec la simulation en cours : les choisir dans Simulations enregistrées</translation>
    </message>
</context>
<context>
    <name>meadows::LoopsPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Boucle</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Finding loops…</source>
        <translation>Recherche des boucles…</translation>
    </message>
    <message>
        <source>Finding loops… %1 so far</source>
        <translation>Recherche des boucles… %1 jusqu&apos;ici</translation>
    </message>
    <message numerus="yes">
        <source>%n loop(s): %1 reinforcing, %2 balancing, %3 of unknown polarity</source>
        <translation>
            <numerusform>%n boucle&#xa0;: %1 de renforcement, %2 d&apos;équilibrage, %3 de polarité inconnue</numerusform>
            <numerusform>%n boucles&#xa0;: %1 de renforcement, %2 d&apos;équilibrage, %3 de polarité inconnue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n loop(s): %1 reinforcing, %2 balancing</source>
        <translation>
            <numerusform>%n boucle&#xa0;: %1 de renforcement, %2 d&apos;équilibrage</numerusform>
            <numerusform>%n boucles&#xa0;: %1 de renforcement, %2 d&apos;équilibrage</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — the search stopped early, the list is incomplete</source>
        <translation>%1 — la recherche s&apos;est arrêtée avant la fin, la liste est incomplète</translation>
    </message>
    <message>
        <source>Only reinforcing loops (click again for all)</source>
        <translation>Seulement les boucles de renforcement (cliquer à nouveau pour toutes)</translation>
    </message>
    <message>
        <source>Only balancing loops (click again for all)</source>
        <translation>Seulement les boucles d&apos;équilibrage (cliquer à nouveau pour toutes)</translation>
    </message>
    <message>
        <source>Only loops of unknown polarity (click again for all)</source>
        <translation>Seulement les boucles de polarité inconnue (cliquer à nouveau pour toutes)</translation>
    </message>
    <message>
        <source>Which loop was in charge when</source>
        <translation>Quelle boucle menait, et quand</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Show the loops&apos; relative scores over time as a line chart</source>
        <translation>Montrer les scores relatifs des boucles au fil du temps en courbes</translation>
    </message>
    <message>
        <source>These are the loops that matter, found by strongest-path discovery: the model has too many loops to list them all.</source>
        <translation>Voici les boucles qui comptent, trouvées par recherche des chemins les plus forts : le modèle a trop de boucles pour toutes les lister.</translation>
    </message>
</context>
<context>
    <name>meadows::MainWindow</name>
    <message>
        <source>No problems</source>
        <translation>Aucun problème</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): hover the red names</source>
        <translation>
            <numerusform>%n problème&#xa0;: survolez les noms en rouge</numerusform>
            <numerusform>%n problèmes&#xa0;: survolez les noms en rouge</numerusform>
        </translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100&#xa0;%</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;ouvert&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>S&amp;nap to Grid</source>
        <translation>Aligner sur la &amp;grille</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation>Aligner à &amp;gauche</translation>
    </message>
    <message>
        <source>Align &amp;Centres Vertically</source>
        <translation>Aligner les centres &amp;verticalement</translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation>Aligner à &amp;droite</translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation>Aligner en &amp;haut</translation>
    </message>
    <message>
        <source>Align &amp;Middles Horizontally</source>
        <translation>Aligner les milieux h&amp;orizontalement</translation>
    </message>
    <message>
        <source>Align &amp;Bottom</source>
        <translation>Aligner en &amp;bas</translation>
    </message>
    <message>
        <source>Distribute &amp;Horizontally</source>
        <translation>Répartir hori&amp;zontalement</translation>
    </message>
    <message>
        <source>Distribute &amp;Vertically</source>
        <translation>Répartir v&amp;erticalement</translation>
    </message>
    <message>
        <source>T&amp;idy Diagram</source>
        <translation>&amp;Ranger le diagramme</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Fit Diagram</source>
        <translation>A&amp;juster le diagramme</translation>
    </message>
    <message>
        <source>Ctrl+9</source>
        <translation>Ctrl+9</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <source>Select, move and bend (V, Esc)</source>
        <translation>Sélectionner, déplacer et courber (V, Échap)</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Place a stock (S); Shift keeps the tool</source>
        <translation>Placer un stock (S)&#xa0;; avec Maj, l&apos;outil reste actif</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Drag from a stock or empty space to another (F)</source>
        <translation>Faire glisser d&apos;un stock ou d&apos;un espace vide vers un autre (F)</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Place an auxiliary or constant (A)</source>
        <translation>Placer une variable auxiliaire ou une constante (A)</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Connecteur</translation>
    </message>
    <message>
        <source>Drag from a variable to one it informs (C)</source>
        <translation>Faire glisser d&apos;une variable vers une variable qu&apos;elle influence (C)</translation>
    </message>
    <message>
        <source>Loop Variable</source>
        <translation>Variable de boucle</translation>
    </message>
    <message>
        <source>Place a causal-loop-diagram variable (L)</source>
        <translation>Placer une variable de diagramme causal (L)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Place a text annotation (T); double-click text to edit it</source>
        <translation>Placer une annotation (T)&#xa0;; double-cliquez sur un texte pour le modifier</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>New model</source>
        <translation>Nouveau modèle</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Ouvrir un modèle</translation>
    </message>
    <message>
        <source>Models (*.xmile *.stmx *.itmx *.xml *.mmd);;XMILE models (*.xmile *.stmx *.itmx *.xml);;Mermaid flowcharts as causal-loop diagrams (*.mmd);;All files (*)</source>
        <translation>Modèles (*.xmile *.stmx *.itmx *.xml *.mmd);;Modèles XMILE (*.xmile *.stmx *.itmx *.xml);;Organigrammes Mermaid comme diagrammes causaux (*.mmd);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot Open Model</source>
        <translation>Impossible d&apos;ouvrir le modèle</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1; %n element(s) could not be drawn as stored</source>
        <translation>
            <numerusform>%1 ouvert&#xa0;; %n élément n&apos;a pas pu être dessiné tel qu&apos;enregistré</numerusform>
            <numerusform>%1 ouvert&#xa0;; %n éléments n&apos;ont pas pu être dessinés tels qu&apos;enregistrés</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot Save Model</source>
        <translation>Impossible d&apos;enregistrer le modèle</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 n&apos;a pas été enregistré&#xa0;: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Save Model As</source>
        <translation>Enregistrer le modèle sous</translation>
    </message>
    <message>
        <source>XMILE models (*.xmile *.stmx)</source>
        <translation>Modèles XMILE (*.xmile *.stmx)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 comporte des modifications non enregistrées. Les enregistrer&#xa0;?</translation>
    </message>
    <message>
        <source>The model</source>
        <translation>Le modèle</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>%1[*] — Meadows</source>
        <translation>%1[*] — Meadows</translation>
    </message>
    <message>
        <source>Language Changed</source>
        <translation>Langue modifiée</translation>
    </message>
    <message>
        <source>Meadows will use the new language the next time it starts.</source>
        <translation>Meadows utilisera la nouvelle langue au prochain démarrage.</translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>Dupli&amp;quer</translation>
    </message>
    <message>
        <source>Arran&amp;ge</source>
        <translation>&amp;Disposition</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>Diagram as &amp;SVG…</source>
        <translation>Diagramme en &amp;SVG…</translation>
    </message>
    <message>
        <source>Diagram as &amp;PNG…</source>
        <translation>Diagramme en &amp;PNG…</translation>
    </message>
    <message>
        <source>Diagram as P&amp;DF…</source>
        <translation>Diagramme en P&amp;DF…</translation>
    </message>
    <message>
        <source>P&amp;ostmortem (Markdown)…</source>
        <translation>P&amp;ost-mortem (Markdown)…</translation>
    </message>
    <message>
        <source>Causal Links as M&amp;ermaid…</source>
        <translation>Liens causaux en M&amp;ermaid…</translation>
    </message>
    <message>
        <source>Causal Links as &amp;Graphviz…</source>
        <translation>Liens causaux en &amp;Graphviz…</translation>
    </message>
    <message>
        <source>Cop&amp;y as Image</source>
        <translation>Copier comme &amp;image</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Copied the diagram as an image</source>
        <translation>Diagramme copié comme image</translation>
    </message>
    <message>
        <source>Copied the selection as an image</source>
        <translation>Sélection copiée comme image</translation>
    </message>
    <message>
        <source>model.%1</source>
        <translation>modele.%1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>Fichiers %1 (*.%2)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l’export&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 and %n more file(s)</source>
        <translation>
            <numerusform>%1 exporté, et %n autre fichier</numerusform>
            <numerusform>%1 exporté, et %n autres fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Place a module, a model used inside this one (M)</source>
        <translation>Placer un module, un modèle utilisé dans celui-ci (M)</translation>
    </message>
    <message numerus="yes">
        <source>%n variable(s) need an equation</source>
        <translation>
            <numerusform>%n variable attend une équation</numerusform>
            <numerusform>%n variables attendent une équation</numerusform>
        </translation>
    </message>
    <message>
        <source>The run cannot go ahead: see Results</source>
        <translation>La simulation ne peut pas démarrer : voir Résultats</translation>
    </message>
</context>
<context>
    <name>meadows::ModuleConnectionsEditor</name>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Fed by</source>
        <translation>Alimentée par</translation>
    </message>
    <message>
        <source>(its own equation)</source>
        <translation>(sa propre équation)</translation>
    </message>
</context>
<context>
    <name>meadows::ParameterRow</name>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>values</source>
        <translation>valeurs</translation>
    </message>
</context>
<context>
    <name>meadows::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>A new language applies when Meadows starts next time.</source>
        <translation>Une nouvelle langue s&apos;applique au prochain démarrage de Meadows.</translation>
    </message>
</context>
<context>
    <name>meadows::ProblemMarks</name>
    <message>
        <source>Needs an equation</source>
        <translation>Équation à écrire</translation>
    </message>
</context>
<context>
    <name>meadows::PropertiesPanel</name>
    <message>
        <source>Select a variable to see and edit its equation.</source>
        <translation>Sélectionnez une variable pour voir et modifier son équation.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Equation</source>
        <translation>É&amp;quation</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensions</translation>
    </message>
    <message>
        <source>Graphical function</source>
        <translation>Fonction graphique</translation>
    </message>
    <message>
        <source>The variable&apos;s value is this curve, read at the value of its equation.</source>
        <translation>La valeur de la variable est cette courbe, lue à la valeur de son équation.</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>&amp;Unités</translation>
    </message>
    <message>
        <source>Non-negative</source>
        <translation>Non négatif</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Documentation</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Non indiquée</translation>
    </message>
    <message>
        <source>+ (same direction)</source>
        <translation>+ (même sens)</translation>
    </message>
    <message>
        <source>− (opposite direction)</source>
        <translation>− (sens opposé)</translation>
    </message>
    <message>
        <source>&amp;Polarity</source>
        <translation>&amp;Polarité</translation>
    </message>
    <message>
        <source>Delay mark ‖</source>
        <translation>Marque de retard ‖</translation>
    </message>
    <message>
        <source>Add graphical function</source>
        <translation>Ajouter une fonction graphique</translation>
    </message>
    <message>
        <source>Remove graphical function</source>
        <translation>Retirer la fonction graphique</translation>
    </message>
    <message>
        <source>Edit graphical function</source>
        <translation>Modifier la fonction graphique</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Connector from %1 to %2</source>
        <translation>Connecteur de %1 à %2</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <source>Edit equation of %1</source>
        <translation>Modifier l&apos;équation de %1</translation>
    </message>
    <message>
        <source>Set units of %1</source>
        <translation>Définir les unités de %1</translation>
    </message>
    <message>
        <source>Document %1</source>
        <translation>Documenter %1</translation>
    </message>
    <message>
        <source>Make %1 non-negative</source>
        <translation>Rendre %1 non négatif</translation>
    </message>
    <message>
        <source>Allow %1 to go negative</source>
        <translation>Autoriser des valeurs négatives pour %1</translation>
    </message>
    <message>
        <source>The model, among this file&apos;s models, that the module runs.</source>
        <translation>Le modèle de ce fichier que le module exécute.</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Tick the dimensions this variable is arrayed over; its equation applies to every element.</source>
        <translation>Cochez les dimensions sur lesquelles cette variable est indicée ; son équation s’applique à chaque élément.</translation>
    </message>
    <message>
        <source>New dimension: Region = north, south (or = 3)</source>
        <translation>Nouvelle dimension : Région = nord, sud (ou = 3)</translation>
    </message>
    <message>
        <source>Connect the inputs of %1</source>
        <translation>Connecter les entrées de %1</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>(aucun choisi)</translation>
    </message>
    <message>
        <source>%1 (not in this file)</source>
        <translation>%1 (absent de ce fichier)</translation>
    </message>
    <message>
        <source>1 to %1</source>
        <translation>1 à %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Write a new dimension as Name = element, element (or Name = a count).</source>
        <translation>Écrivez une nouvelle dimension sous la forme Nom = élément, élément (ou Nom = un nombre).</translation>
    </message>
    <message>
        <source>There is already a dimension called %1.</source>
        <translation>Il existe déjà une dimension nommée %1.</translation>
    </message>
    <message>
        <source>Each element of %1 needs its own name.</source>
        <translation>Chaque élément de %1 doit avoir son propre nom.</translation>
    </message>
    <message>
        <source>Set the model of %1</source>
        <translation>Définir le modèle de %1</translation>
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
        <translation>Vider la liste</translation>
    </message>
</context>
<context>
    <name>meadows::RecoveryMapView</name>
    <message>
        <source>Recovery map</source>
        <translation>Carte de rétablissement</translation>
    </message>
    <message>
        <source>Choose the disturbance&apos;s parameters and press Run.</source>
        <translation>Choisissez les paramètres de la perturbation et appuyez sur Lancer.</translation>
    </message>
    <message>
        <source>recovers</source>
        <translation>se rétablit</translation>
    </message>
    <message>
        <source>does not recover</source>
        <translation>ne se rétablit pas</translation>
    </message>
</context>
<context>
    <name>meadows::RecoveryTab</name>
    <message>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Run the model at every point of the grid and say which runs recover</source>
        <translation>Exécuter le modèle en chaque point de la grille et dire quelles exécutions se rétablissent</translation>
    </message>
    <message>
        <source>Across</source>
        <translation>En abscisse</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>En ordonnée</translation>
    </message>
    <message>
        <source>Second parameter</source>
        <translation>Second paramètre</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolérance</translation>
    </message>
    <message>
        <source>A run &lt;b&gt;recovers&lt;/b&gt; when every stock ends within the tolerance of where the reference run ends: the run with both parameters at their first value (put the undisturbed value there: a dip of size 0 or length 0). The tolerance is a share of the stock&apos;s largest size in the reference run. A run still far from it at the end (a backlog still growing) does not recover.</source>
        <translation>Une exécution &lt;b&gt;se rétablit&lt;/b&gt; quand chaque stock finit, à la tolérance près, là où finit l&apos;exécution de référence : celle où les deux paramètres ont leur première valeur (mettez-y la valeur sans perturbation : une baisse de taille 0 ou de durée 0). La tolérance est une part de la plus grande valeur du stock dans l&apos;exécution de référence. Une exécution qui en est encore loin à la fin (une file qui grandit encore) ne se rétablit pas.</translation>
    </message>
    <message>
        <source>Choose two different constants to vary.</source>
        <translation>Choisissez deux constantes différentes à faire varier.</translation>
    </message>
    <message>
        <source>Running the grid…</source>
        <translation>Calcul de la grille…</translation>
    </message>
    <message>
        <source>%1 of %2 runs recover (green). The reference run ends at %3.</source>
        <translation>%1 exécutions sur %2 se rétablissent (en vert). L&apos;exécution de référence finit à %3.</translation>
    </message>
    <message>
        <source>recovers below, does not recover above</source>
        <translation>se rétablit en dessous, pas au-dessus</translation>
    </message>
    <message>
        <source>recovers above, does not recover below</source>
        <translation>se rétablit au-dessus, pas en dessous</translation>
    </message>
    <message>
        <source>At %1 = %2: boundary at %3 (%4)</source>
        <translation>À %1 = %2 : frontière à %3 (%4)</translation>
    </message>
    <message>
        <source>Boundary at %1 (%2)</source>
        <translation>Frontière à %1 (%2)</translation>
    </message>
    <message>
        <source>Every run recovers.</source>
        <translation>Toutes les exécutions se rétablissent.</translation>
    </message>
    <message>
        <source>No run recovers.</source>
        <translation>Aucune exécution ne se rétablit.</translation>
    </message>
    <message>
        <source>No boundary along %1.</source>
        <translation>Pas de frontière le long de %1.</translation>
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
        <translation>%1&#xa0;: valeur finale</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>%1 peak</source>
        <translation>%1&#xa0;: pic</translation>
    </message>
</context>
<context>
    <name>meadows::RunStore</name>
    <message>
        <source>Run</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>There is no such run.</source>
        <translation>Cette simulation n&apos;existe pas.</translation>
    </message>
</context>
<context>
    <name>meadows::SensitivityTab</name>
    <message>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Run the model many times with the constants drawn from their ranges</source>
        <translation>Exécuter le modèle de nombreuses fois avec les constantes tirées dans leurs plages</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>Varier</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Constants varied</source>
        <translation>Constantes variées</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Show bands on the Results chart</source>
        <translation>Afficher les bandes sur le graphique des résultats</translation>
    </message>
    <message>
        <source>The model changed: run again for its bands.</source>
        <translation>Le modèle a changé : relancez pour obtenir ses bandes.</translation>
    </message>
    <message>
        <source>The model has no constant to vary.</source>
        <translation>Le modèle n&apos;a pas de constante à faire varier.</translation>
    </message>
    <message numerus="yes">
        <source>Running the model %n time(s)…</source>
        <translation>
            <numerusform>Exécution du modèle %n fois…</numerusform>
            <numerusform>Exécution du modèle %n fois…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) varying %1: percentile bands of every charted variable.</source>
        <translation>
            <numerusform>%n exécution en faisant varier %1 : bandes de centiles de chaque variable tracée.</numerusform>
            <numerusform>%n exécutions en faisant varier %1 : bandes de centiles de chaque variable tracée.</numerusform>
        </translation>
    </message>
    <message>
        <source>Vary this constant too, drawn from its distribution</source>
        <translation>Faire aussi varier cette constante, tirée de sa distribution</translation>
    </message>
    <message>
        <source>Distribution kind</source>
        <translation>Type de distribution</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>uniforme</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normale</translation>
    </message>
    <message>
        <source>triangular</source>
        <translation>triangulaire</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>uniform(min, max), normal(mean, sd) or triangular(min, mode, max)</source>
        <translation>uniform(min, max), normal(moyenne, écart-type) ou triangular(min, mode, max)</translation>
    </message>
    <message>
        <source>Each run draws the constants listed (or the one chosen, when none is listed) from their distributions, by Latin hypercube sampling. The Results chart shades where 90 % (light) and 50 % (dark) of the runs lie, with the median dotted.</source>
        <translation>Chaque simulation tire les constantes listées (ou celle choisie, si aucune n’est listée) de leurs distributions, par échantillonnage en hypercube latin. Le graphique des résultats ombre la zone où se trouvent 90 % (clair) et 50 % (foncé) des simulations, la médiane en pointillé.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>meadows::SimSpecsDialog</name>
    <message>
        <source>Simulation settings</source>
        <translation>Paramètres de simulation</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Temps initial</translation>
    </message>
    <message>
        <source>Start time (%1)</source>
        <translation>Temps initial (%1)</translation>
    </message>
    <message>
        <source>Stop time</source>
        <translation>Temps final</translation>
    </message>
    <message>
        <source>Stop time (%1)</source>
        <translation>Temps final (%1)</translation>
    </message>
    <message>
        <source>DT</source>
        <translation>DT</translation>
    </message>
    <message>
        <source>Save step</source>
        <translation>Pas d&apos;enregistrement</translation>
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
        <translation>Adaptative (RK45)</translation>
    </message>
    <message>
        <source>Stiff (Rosenbrock)</source>
        <translation>Raide (Rosenbrock)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>The stop time must come after the start time.</source>
        <translation>Le temps final doit suivre le temps initial.</translation>
    </message>
    <message>
        <source>DT must be positive.</source>
        <translation>DT doit être positif.</translation>
    </message>
    <message>
        <source>The save step cannot be shorter than DT.</source>
        <translation>Le pas d&apos;enregistrement ne peut pas être inférieur à DT.</translation>
    </message>
    <message>
        <source>The model computes this at every step: edit the equation of &apos;%1&apos; to change it.</source>
        <translation>Le modèle le calcule à chaque pas : modifiez l&apos;équation de « %1 » pour le changer.</translation>
    </message>
    <message>
        <source>%1, computed by &apos;%2&apos;</source>
        <translation>%1, calculé par « %2 »</translation>
    </message>
    <message>
        <source>computed at every step</source>
        <translation>calculé à chaque pas</translation>
    </message>
</context>
<context>
    <name>meadows::SliderPanel</name>
    <message>
        <source>Set range…</source>
        <translation>Définir la plage…</translation>
    </message>
    <message>
        <source>Range of %1</source>
        <translation>Plage de %1</translation>
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
        <translation>Pas</translation>
    </message>
    <message>
        <source>Find a constant</source>
        <translation>Chercher une constante</translation>
    </message>
    <message>
        <source>Other constants</source>
        <translation>Autres constantes</translation>
    </message>
    <message>
        <source>Reset to saved value</source>
        <translation>Revenir à la valeur enregistrée</translation>
    </message>
    <message>
        <source>No constants: a slider appears here for each constant in the model (a variable whose equation is a number).</source>
        <translation>Aucune constante : un curseur apparaît ici pour chaque constante du modèle (une variable dont l’équation est un nombre).</translation>
    </message>
    <message>
        <source>From %1 to %2 in steps of %3; right-click to change</source>
        <translation>De %1 à %2 par pas de %3 ; clic droit pour changer</translation>
    </message>
</context>
</TS>
