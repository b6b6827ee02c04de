#pragma once
// The flattener's internals, shared by the files of solver/flatten/ (not installed for
// other users: they call flatten() in solver/flatmodel.h). One class does the work, but
// its jobs live in one file each:
//   flatten.cpp     the driver: declare, connect, resolve every equation; diagnostics
//   scopes.cpp      module scopes: declaring variables, qualified names, module inputs
//   subscripts.cpp  dimensions and which array elements a reference picks
//   lowering.cpp    Expr -> Node: operators, names, built-in values, constant folding
//   calls.cpp       builtin dispatch, as each function's registry entry says
//   allocation.cpp  Vensim's ALLOCATE AVAILABLE and ALLOCATE BY PRIORITY over a dimension
//   macros.cpp      macro calls, one hidden scope per call
//   conveyors.cpp   Stella's conveyors and queues: belt-computed outflows and leaks, FIFO queues
//   ovens.cpp       Stella's ovens: batch stocks whose outflow releases what they cooked
//   stateful.cpp    SMTH, DELAY, TREND, PREVIOUS, INIT, NPV...: hidden stocks, flows, series
//   vectors.cpp     Vensim's VECTOR SORT ORDER, RANK, REORDER, ELM MAP and LOOKUP
#include "solver/flatmodel.h"
#include "solver/parser.h"

#include "model/names.h"
#include "model/sizelimit.h"

#include <QHash>
#include <QSet>
#include <deque>
#include <memory>
#include <optional>

namespace meadows::flattening {

// +, -, * and / on values known before the run (lowering.cpp); nullopt for other operators.
std::optional<double> foldArithmetic(BinaryOp op, double a, double b);

struct ResolvedDimension {
    QString name;              // display
    QString key;               // canonical
    QStringList elements;      // display
    QStringList elementKeys;   // canonical
    QList<int> mapsTo;         // dimensions it maps onto element by element, in order (isee:maps_to)
    QHash<QString, int> positions; // elementKeys' indices: subscripts are looked up by name for every element computed
    bool numbered = false;         // elements 1..size (<dim size="N">): their names say only where they are

    void add(const QString &element, const QString &elementKey)
    {
        if (!positions.contains(elementKey)) // a repeated key keeps its first place, as indexOf did
            positions.insert(elementKey, int(elementKeys.size()));
        elements << element;
        elementKeys << elementKey;
    }
    // The element's index, or -1.
    qsizetype position(const QString &elementKey) const { return positions.value(elementKey, -1); }
};

// One element of an array: which element of which dimension (indices into the tables).
struct ElementContext {
    std::vector<std::pair<int, int>> at; // (dimension, element)
    // The equation's own element, its dimensions in the variable's order: what XMILE's
    // dimension positions (@1, @2...) name, however `at` is extended inside array functions.
    std::vector<std::pair<int, int>> own;
    std::optional<int> elementOf(int dimension) const
    {
        for (const auto &[d, e] : at) {
            if (d == dimension)
                return e;
        }
        return std::nullopt;
    }
};

struct Scope;

struct Symbol {
    enum class Type { Variable, Module };
    Type type = Type::Variable;
    const Variable *variable = nullptr;
    int first = -1;          // first flat variable
    std::vector<int> dims;   // dimensions, in order
    Scope *module = nullptr; // Type::Module
};

struct Scope {
    const Model *model = nullptr;
    QString prefix; // "" for the main model, "hares." inside module hares
    QHash<QString, Symbol> symbols;
    QHash<QString, const GraphicalFunction *> namedTables;
    std::vector<std::unique_ptr<Scope>> children;
};

// An error inside one equation, thrown from deep in the lowering and caught per equation.
struct Failure {
    QString message;
    int offset = 0;
    int length = 0;
};

class Flattener {
public:
    Flattener(const Project &p, const FlattenOptions &o) : m_project(p), m_options(o) {}

    FlatModel run();

private:
    // What lowering one equation (or one element of an arrayed one) knows.
    struct Context {
        Scope *scope;
        ElementContext element;
        const Variable *variable;
        int self = -1; // the flat variable being defined, for Stella's SELF; -1 in a macro's result
    };

    [[noreturn]] static void fail(const Expr &e, const QString &message) { throw Failure{message, e.offset, e.length}; }
    // The symbol `name` (canonical) stands for in the equation: a variable or module of the
    // scope, or Stella's SELF, the variable being defined (lowering.cpp).
    const Symbol *symbolOf(Context &c, const QString &name);

    // flatten.cpp
    bool writtenByVensim() const;
    void error(const SourceRef &ref, int offset, int length, const QString &variable, const QString &message,
               Severity severity = Severity::Error);
    void errorAt(const Variable &v, const QString &message, Severity severity = Severity::Error);
    void sayOnce(Diagnostic d); // unless it repeats the diagnostic just given
    void applyOverridesCheck();
    void resolve(Scope &scope);
    void presetConstants(Scope &scope);
    // What a variable's elements are written as, found once for all of its elements.
    struct WrittenAs {
        std::vector<const ArrayElement *> elements;  // writtenElements(), when it has any
        std::optional<std::vector<double>> constants; // its equation as an array constant
    };
    QString ownEquation(const Variable &v) const;
    void resolveElement(Scope &scope, const Symbol &sym, const Variable &v, const WrittenAs &written, int i);
    std::optional<std::vector<double>> arrayConstant(const QString &text, const std::vector<int> &dims) const;
    std::optional<int> flowElement(const Symbol &flow, const ElementContext &ctx) const;
    void linkFlow(Scope &scope, const Variable &stock, const QString &flowName, const ElementContext &ctx,
                  std::vector<int> &into, bool inflow);
    int addTable(const GraphicalFunction &gf);
    void warnUnusedElements(const Variable &v, const std::vector<const ArrayElement *> &used);
    std::shared_ptr<const ParseResult> parsedEquation(const QString &text);
    // `table`: the element's graphical function, whose input is time when the equation is
    // empty, as a variable that is only a table reads time; or null.
    std::optional<Node> resolveEquation(Scope &scope, const Variable &v, const QString &text, const SourceRef &ref,
                                        const ElementContext &ctx, int self = -1,
                                        const GraphicalFunction *table = nullptr);

    // scopes.cpp
    void declare(Scope &scope, int depth);
    const Symbol *lookupQualified(Scope &scope, QString name) const;
    void connect(Scope &scope);

    // subscripts.cpp
    int dimensionIndex(const QString &name) const;
    int elementCount(const std::vector<int> &dims) const;
    std::vector<int> unflatten(const std::vector<int> &dims, int linear) const;
    int linearIndex(const std::vector<int> &dims, const std::vector<int> &idx) const;
    QString elementSuffix(const std::vector<int> &dims, int linear) const;
    ElementContext contextOf(const std::vector<int> &dims, int linear) const;
    std::vector<const ArrayElement *> writtenElements(const Variable &v, const std::vector<int> &dims) const;
    std::vector<int> elementIds(Context &c, const Symbol &s, const Expr &e);
    std::optional<int> mappedElement(const ElementContext &ctx, int dim) const;
    std::vector<int> subscriptChoice(Context &c, int dim, const Expr &sub);
    std::vector<int> rangeChoice(Context &c, int dim, const Expr &sub);
    int rangeEnd(Context &c, int dim, const Expr &end);
    std::optional<int> declaredMapping(int from, int element, int to) const;
    int rangeDimension(int dim, const std::vector<int> &positions);
    std::optional<Node> runTimeSubscript(Context &c, int dim, const Expr &sub);
    std::optional<Node> runTimeElement(Context &c, const Symbol &s, const Expr &e);

    // transposition.cpp: XMILE's transposition (a') and dimension positions (a[@2, @1]);
    // what an index out of range gives, from the file's options
    std::vector<Node> transposed(Context &c, const Symbol &s, const Expr &e);
    int positionChoice(Context &c, int dim, const Expr &sub);
    void checkPosition(Context &c, const Expr &sub); // "@k" names one of the equation's dimensions
    int subscriptSite(Context &c, const Expr &e, const QString &dimension, int size);
    void readInvalidIndexValue();

    // lowering.cpp
    Node expr(Context &c, const Expr &e);
    Node lowered(Context &c, const Expr &e); // expr's work, one level of the tree
    std::optional<Node> builtinValue(const QString &name) const;
    static bool isClockName(const QString &name);
    std::vector<Node> names(Context &c, const Expr &e);
    // A value fixed before the run: a number, or arithmetic on numbers and on auxiliaries whose
    // equations are such values, followed `followVariables` references deep.
    std::optional<double> constantValue(const Node &n, int followVariables = 1) const;
    // The same, or the value at the start of a run where the value reads Time through the
    // time inputs (STEP, PULSE, RAMP...) and the settings, which are numbers: "2 + STEP(1,
    // 10)" is 2 when the run starts before 10.
    std::optional<double> valueAtStart(const Node &n, int followVariables) const;
    // Whether n keeps one value through the run though it is not known before it: it reads
    // a stock with no flows (INITIAL's), never Time. Such an order is no news to say.
    bool fixedThroughRun(const Node &n, int followVariables) const;
    std::optional<double> value(const Node &n, int followVariables, bool atStart) const;
    std::vector<Node> spread(Context &c, const Expr &call);
    bool starsToDimensions(Context &c, Expr &e, std::vector<int> &dims);

    // calls.cpp
    QString calledAs(const Expr &call) const;
    void checkArity(const Expr &e, int min, int max);
    const GraphicalFunction *tableNamed(Context &c, const Expr &e);
    Node call(Context &c, const Expr &e);
    Node lookupCall(Context &c, const GraphicalFunction *gf, const Expr &input);
    const GraphicalFunction &tableArgument(Context &c, const Expr &call, bool withPoints = false);
    Node tableSummary(Context &c, const Expr &e);
    std::vector<Node> withTablePoints(Context &c, const Expr &call);

    // Counts the values an array function's call reads for one element; fails past the limit.
    void readArrays(const Expr &call, std::size_t values);
    // allocation.cpp
    Node allocation(Context &c, const Expr &e);
    Node market(Context &c, const Expr &e, Builtin id);
    std::vector<Expr> profileValues(Context &c, const Expr &call, const Expr &pp);
    int allocatedDimension(const Expr &call, const Expr &argument, int fromEnd) const;
    void checkProfiles();
    // vectors.cpp
    struct PositionedVector {
        std::vector<Node> elements;
        int position = 0; // of the element being computed
    };
    const Symbol &vectorVariable(Context &c, const Expr &call, const Expr &a);
    PositionedVector wholeVector(Context &c, const Expr &e);
    PositionedVector computedVector(Context &c, const Expr &call, const Expr &a);
    Node vectorOrder(Context &c, const Expr &e, Builtin id);
    Node vectorReorder(Context &c, const Expr &e);
    Node elementMap(Context &c, const Expr &e);
    Node vectorLookup(Context &c, const Expr &e);
    Node vectorSelect(Context &c, const Expr &e);
    Node matrixInverse(Context &c, const Expr &e);

    // macros.cpp
    Node expandMacro(Context &c, const Expr &e, const Macro &m);
    std::int64_t macroSize(const Macro &m);
    // A variable of a macro's body that only declares the parameter of its name: a flow or
    // an auxiliary with no equation, table, flag or dimensions.
    static bool isParameterDeclaration(const Variable &v);

    // conveyors.cpp
    void collectConveyorExits();
    // Conveyors and queues read as containers (conveyors.cpp).
    bool isContainer(const Symbol &s) const;
    std::optional<Node> containerReduction(Context &c, const Expr &call, Builtin reduce);
    Node containerElement(Context &c, const Symbol &s, const Expr &e);
    Node tablePoint(Context &c, const GraphicalFunction &gf, const Expr &e);
    bool isConveyorExit(const Variable &flow) const { return m_conveyorExits.contains(&flow); }
    void addConveyor(Scope &scope, const Variable &stock, int index, const ElementContext &ctx);
    void addQueue(Scope &scope, const Variable &stock, int index, const ElementContext &ctx);
    void finishConveyors();
    // A conveyor's or an oven's option (an equation of the stock's) as a hidden auxiliary;
    // -1 when the text is empty or does not resolve (said).
    int stockOption(Scope &scope, const Variable &stock, const QString &text, const QString &what, const ElementContext &ctx);

    // ovens.cpp
    void addOven(Scope &scope, const Variable &stock, int index, const ElementContext &ctx);
    void finishOvens();

    // stateful.cpp
    int addHidden(FlatVar::Kind kind, const QString &what, Node eqn);
    // A call's arguments as hidden auxiliaries the runner reads after each step: for each, the
    // argument, whether it is fixed at its value at the start, and where its variable goes.
    struct Held {
        int argument;
        bool atStart;
        int *variable;
    };
    void holdArguments(Context &c, const Expr &call, std::initializer_list<Held> held);
    // DELAY CONVEYOR's and QUEUE FIFO's profile, argument `arg`: one lookup with no value
    // below 0 and a positive area over its x range; an error at the argument otherwise.
    const GraphicalFunction &profileArgument(Context &c, const Expr &call, std::size_t arg);
    Node shared(const QString &what, Node n);
    // `of` names the function in the messages; by default "a delay or smooth".
    int constantOrder(Context &c, const Expr &e, const QString &of = {});
    Node derivative(Context &c, const Expr &e); // DERIVN
    // A warning at `at` in the variable being flattened, said once for the variable however
    // many of its elements or calls meet it.
    void warnOnce(Context &c, const Expr &at, const QString &message);
    void warnIfBoundToOneElement(Context &c, const Expr &call); // calls.cpp
    Node interpolateArray(Context &c, const Expr &call);        // calls.cpp
    bool fillsConveyorOrOven(const Model &model, const QString &flow) const;
    void checkWavePeriod(Context &c, const Expr &call, const Node &period);

    // agedqueues.cpp: Vensim's QUEUE FIFO and the QUEUE AGE functions that read it; nothing
    // for any other name. What the functions read is checked to be a queue once every
    // variable is lowered (a queue may be lowered after the equation reading it).
    std::optional<Node> agedQueueCall(Context &c, const Expr &e);
    void finishAgedQueues();
    // Queues and DELAY CONVEYORs are laid out from values computed at the start: one whose
    // start reads itself through others is an error, as a loop of initial values is.
    void checkStartingLoops();
    struct AgedQueueRead {
        int variable; // the flat variable read, which must be a QUEUE FIFO's
        QString function, reader;
        SourceRef ref;
        int offset = 0, length = 0;
    };
    std::vector<AgedQueueRead> m_agedQueueReads;

    // stelladraws.cpp: Stella's random builtins (NORMAL, LOGNORMAL, GAMMA...); nothing for
    // any other name
    std::optional<Node> stellaDraw(Context &c, const Expr &call);

    Node chain(const QString &what, Node input, Node time, int order, std::optional<Node> init, bool delay);
    Node vensimDelayN(Context &c, const Expr &e);
    std::optional<Node> stateful(Context &c, const Expr &e);
    int record(const QString &what, Node input);
    Node history(int series, Node query, Node before);
    Node fixedAtStart(const QString &what, Node value);
    Node firstValue(const QString &what, int series);

    const Project &m_project;
    const FlattenOptions &m_options;
    FlatModel m_out;
    std::deque<ResolvedDimension> m_dims; // a deque: rangeDimension() adds to it while references are held
    Scope m_root;
    QSet<int> m_connected;
    // Declared variables whose equations are not lowered yet (they are lowered in the model's
    // order): a value known before the run cannot be read from them (constantValue).
    QSet<int> m_unresolved;
    QSet<const Variable *> m_orderReadAtStart; // said once each (constantOrder)
    QSet<QPair<const Variable *, QString>> m_saidOnce; // warnOnce
    std::deque<Variable> m_synthetic; // macro parameters and calls; pointers into it stay valid
    std::vector<std::unique_ptr<Scope>> m_macroScopes;
    // Where the equation being lowered is, for problems found after every equation is
    // lowered (resolveEquation sets them).
    const SourceRef *m_equationRef = nullptr;
    // The equation parsed last, with its text: an apply-to-all array's elements share one
    // equation, which is parsed once rather than once per element (parsedEquation).
    QString m_parsedText;
    std::shared_ptr<const ParseResult> m_parsed;
    QString m_equationVariable;
    // Allocation profiles whose values may be constants, checked once every variable has its
    // equation (an array element may be lowered after the equation that reads it).
    struct ProfileCheck {
        Node type, width;
        QString function, requester; // "ALLOCATE AVAILABLE", the element of the allocated dimension
        SourceRef ref;
        int offset = 0, length = 0;
        QString variable;
    };
    std::vector<ProfileCheck> m_profileChecks;
    QSet<QPair<int, int>> m_profilesChecked; // (type, width) variables already in m_profileChecks
    // Each element an array function computes reads a whole array (SUM, VECTOR SORT ORDER,
    // INVERT MATRIX...) or every requester's request and profile (an allocation): over n
    // elements an equation reads n^2 values or more, all of them kept in the compiled
    // program. Their total is bounded by the size limit (readArrays).
    std::int64_t m_arrayReads = 0;
    // The equation over an array being flattened, when one equation computes every element:
    // its elements still to come, and the fewest values a finished element read (-1 until two
    // have finished). Its elements all read alike, so one that will go past the limit is
    // refused as soon as that is clear, rather than after reading up to the limit (16 M
    // values, seconds and a gigabyte and a half).
    std::int64_t m_elementsLeft = 0;
    std::int64_t m_fewestElementReads = -1;
    // Set once the limit is passed: the equation's other elements, which would each be refused
    // the same way, are not lowered (said once, and 100,000 of them took seconds).
    bool m_arrayReadsRefused = false;
    int m_macroDepth = 0;
    int m_loweringDepth = 0; // expr's recursion, macro bodies included (bounded: see expr)
    std::vector<const Macro *> m_expanding; // the macros whose bodies are being expanded, outermost first
    std::int64_t m_macroExpansions = 0; // bounded by the size limit: macros may double at every level
    QHash<const Macro *, std::int64_t> m_macroSizes; // macroSize(), computed once per macro
    QHash<const GraphicalFunction *, int> m_pointsTables; // withTablePoints(): each table stored once
    bool m_tooLarge = false; // the size limit (model/sizelimit.h) was hit: declare nothing more
    std::int64_t m_moduleCopies = 0;
    QHash<int, QString> m_flowFills, m_flowDrains; // flow -> the stock it fills / drains
    QHash<int, double> m_overrides;
    QSet<const Variable *> m_conveyorExits; // flows a conveyor's belt, a queue or an oven computes
    QSet<const Variable *> m_ovenExits;     // of those, the ovens' outflows
    QSet<const Variable *> m_queueOutflows; // of those, the queues' outflows but overflows
    QHash<const Variable *, bool> m_fillsConveyorOrOven; // addQueue: a flow's answer, kept
    // "Did you mean" is offered for this many unknown names: each guess compares the name with
    // every variable in scope, and a file of thousands of unknown names would otherwise take
    // minutes to report on (quadratic in the model's size).
    int m_guessesLeft = 50;
};

} // namespace meadows::flattening
