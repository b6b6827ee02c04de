#pragma once
// The tools that place one new variable where the diagram is clicked: a stock, an auxiliary,
// a causal-loop-diagram variable, a module.
#include "commands/addvariable.h"
#include "diagramtool.h"

namespace meadows {

class PlaceVariableTool : public DiagramTool {
public:
    PlaceVariableTool(DiagramScene *scene, NewVariableKind kind) : DiagramTool(scene), m_kind(kind) {}
    void mousePressed(QGraphicsSceneMouseEvent *event) override;

protected:
    // The new variable is on the diagram, selected, and the tool chosen for what comes next.
    virtual void afterPlacing(int) {}

private:
    NewVariableKind m_kind;
};

class StockTool : public PlaceVariableTool {
public:
    explicit StockTool(DiagramScene *scene) : PlaceVariableTool(scene, NewVariableKind::Stock) {}
};

class AuxTool : public PlaceVariableTool {
public:
    explicit AuxTool(DiagramScene *scene) : PlaceVariableTool(scene, NewVariableKind::Aux) {}
};

class LoopVariableTool : public PlaceVariableTool {
public:
    explicit LoopVariableTool(DiagramScene *scene) : PlaceVariableTool(scene, NewVariableKind::CldVariable) {}
};

class ModuleTool : public PlaceVariableTool {
public:
    explicit ModuleTool(DiagramScene *scene) : PlaceVariableTool(scene, NewVariableKind::Module) {}

protected:
    // A module stands for a whole model: it gets its name at once.
    void afterPlacing(int uid) override;
};

} // namespace meadows
