#include "xmileelements.h"

#include <QString>

namespace meadows {

namespace {

using S = XmileSupport;

constexpr const char *kPlainFlow = "the flow runs as a plain flow";

} // namespace

const std::vector<XmileElementRule> &xmileElementRules()
{
    static const std::vector<XmileElementRule> rules{
        // the file
        {"xmile", "header", S::Read, nullptr},
        {"xmile", "sim_specs", S::Read, nullptr},
        {"xmile", "model_units", S::Read, nullptr},
        {"xmile", "dimensions", S::Read, nullptr},
        {"xmile", "behavior", S::Read, nullptr},
        {"xmile", "style", S::NoEffect, nullptr},
        {"xmile", "data", S::NotImplemented, "data is not imported or exported"},
        {"xmile", "model", S::Read, nullptr},
        {"xmile", "macro", S::Read, nullptr},
        // header: metadata
        {"header", "vendor", S::NoEffect, nullptr},
        {"header", "product", S::NoEffect, nullptr},
        {"header", "name", S::NoEffect, nullptr},
        {"header", "version", S::NoEffect, nullptr},
        {"header", "caption", S::NoEffect, nullptr},
        {"header", "options", S::Read, nullptr}, // <uses_arrays invalid_index_value>: solver/flatten/transposition.cpp
        {"header", "author", S::NoEffect, nullptr},
        {"header", "affiliation", S::NoEffect, nullptr},
        {"header", "client", S::NoEffect, nullptr},
        {"header", "copyright", S::NoEffect, nullptr},
        {"header", "contact", S::NoEffect, nullptr},
        {"header", "created", S::NoEffect, nullptr},
        {"header", "modified", S::NoEffect, nullptr},
        {"header", "uuid", S::NoEffect, nullptr},
        {"header", "includes", S::Read, nullptr}, // by readXmileFile (model/xmileresources.h)
        // simulation specs, units, dimensions
        {"sim_specs", "start", S::Read, nullptr},
        {"sim_specs", "stop", S::Read, nullptr},
        {"sim_specs", "dt", S::Read, nullptr},
        {"model_units", "unit", S::Read, nullptr},
        {"model_units", "units", S::Read, nullptr}, // as the specification's practitioners.xmile writes <unit>
        {"unit", "eqn", S::Read, nullptr},
        {"unit", "alias", S::Read, nullptr},
        {"dimensions", "dim", S::Read, nullptr},
        {"dim", "elem", S::Read, nullptr},
        // default behaviour
        {"behavior", "non_negative", S::Read, nullptr},
        {"behavior", "stock", S::Read, nullptr},
        {"behavior", "flow", S::Read, nullptr},
        // a model
        {"model", "sim_specs", S::NotImplemented, "the model runs with the file's simulation specs"},
        {"model", "behavior", S::Read, nullptr},
        {"model", "variables", S::Read, nullptr},
        {"model", "views", S::NoEffect, nullptr},
        {"variables", "stock", S::Read, nullptr},
        {"variables", "flow", S::Read, nullptr},
        {"variables", "aux", S::Read, nullptr},
        {"variables", "module", S::Read, nullptr},
        {"variables", "group", S::NoEffect, nullptr},
        {"variables", "gf", S::Read, nullptr},
        // stocks
        {"stock", "eqn", S::Read, nullptr},
        {"stock", "inflow", S::Read, nullptr},
        {"stock", "outflow", S::Read, nullptr},
        {"stock", "non_negative", S::Read, nullptr},
        {"stock", "units", S::Read, nullptr},
        {"stock", "doc", S::Read, nullptr},
        {"stock", "dimensions", S::Read, nullptr},
        {"stock", "element", S::Read, nullptr},
        {"stock", "conveyor", S::Read, nullptr},
        {"stock", "queue", S::Read, nullptr},
        // XMILE gives <init_eqn> to flows and auxiliaries; a stock's <eqn> is its initial value
        {"stock", "init_eqn", S::NotImplemented, "the stock starts at its <eqn>"},
        {"stock", "range", S::NoEffect, nullptr},
        {"stock", "scale", S::NoEffect, nullptr},
        {"stock", "format", S::NoEffect, nullptr},
        {"stock", "event_poster", S::NoEffect, nullptr},
        // flows
        {"flow", "eqn", S::Read, nullptr},
        {"flow", "gf", S::Read, nullptr},
        {"flow", "non_negative", S::Read, nullptr},
        {"flow", "units", S::Read, nullptr},
        {"flow", "doc", S::Read, nullptr},
        {"flow", "dimensions", S::Read, nullptr},
        {"flow", "element", S::Read, nullptr},
        {"flow", "multiplier", S::NotImplemented, kPlainFlow},
        {"flow", "overflow", S::Read, nullptr},
        {"flow", "leak", S::Read, nullptr},
        {"flow", "leak_integers", S::Read, nullptr},
        {"flow", "leak_start", S::Read, nullptr},
        {"flow", "leak_end", S::Read, nullptr},
        {"flow", "range", S::NoEffect, nullptr},
        {"flow", "scale", S::NoEffect, nullptr},
        {"flow", "format", S::NoEffect, nullptr},
        {"flow", "event_poster", S::NoEffect, nullptr},
        // auxiliaries
        {"aux", "eqn", S::Read, nullptr},
        {"aux", "init_eqn", S::Read, nullptr},
        {"aux", "gf", S::Read, nullptr},
        {"aux", "units", S::Read, nullptr},
        {"aux", "doc", S::Read, nullptr},
        {"aux", "dimensions", S::Read, nullptr},
        {"aux", "element", S::Read, nullptr},
        {"aux", "range", S::NoEffect, nullptr},
        {"aux", "scale", S::NoEffect, nullptr},
        {"aux", "format", S::NoEffect, nullptr},
        {"aux", "event_poster", S::NoEffect, nullptr},
        {"flow", "init_eqn", S::Read, nullptr},
        // modules, groups, graphical functions, array elements
        {"module", "connect", S::Read, nullptr},
        {"module", "doc", S::Read, nullptr},
        {"group", "entity", S::NoEffect, nullptr},
        {"group", "doc", S::NoEffect, nullptr},
        {"gf", "xscale", S::Read, nullptr},
        {"gf", "yscale", S::Read, nullptr},
        {"gf", "xpts", S::Read, nullptr},
        {"gf", "ypts", S::Read, nullptr},
        {"element", "eqn", S::Read, nullptr},
        {"element", "gf", S::Read, nullptr},
        {"element", "init_eqn", S::NotImplemented, "the element starts at its <eqn>"},
        // macros
        {"macro", "parm", S::Read, nullptr},
        {"macro", "eqn", S::Read, nullptr},
        {"macro", "format", S::NoEffect, nullptr},
        {"macro", "doc", S::NoEffect, nullptr},
        {"macro", "sim_specs", S::NotImplemented, "the macro runs with the model's simulation specs"},
        {"macro", "variables", S::Read, nullptr},
        {"macro", "views", S::NoEffect, nullptr},
    };
    return rules;
}

const XmileElementRule *xmileElementRule(QStringView parent, QStringView name)
{
    for (const XmileElementRule &r : xmileElementRules()) {
        if (parent == QLatin1String(r.parent) && name == QLatin1String(r.name))
            return &r;
    }
    return nullptr;
}

} // namespace meadows
