#pragma once
// What Meadows does with each element the XMILE 1.0 specification defines: reads it, has
// no use for it (display, metadata), or does not implement it although it changes the
// numbers. The reader warns, with the element's position, about every element of the last
// kind, so that a model is never run silently wrong.
#include <QStringView>
#include <vector>

namespace meadows {

enum class XmileSupport {
    Read,           // Meadows reads and uses it
    NoEffect,       // it does not change the numbers (display, layout, metadata): kept for saving
    NotImplemented, // it changes the numbers and Meadows does not implement it: a warning
};

struct XmileElementRule {
    const char *parent; // the element it sits in ("stock", "flow", "model", "xmile"...)
    const char *name;
    XmileSupport support;
    const char *effect; // NotImplemented: what Meadows does instead, for the warning
};

// Every element of XMILE 1.0 (OASIS, 2015), by parent.
const std::vector<XmileElementRule> &xmileElementRules();

// The rule for `name` inside `parent` (no namespace prefix); nullptr for elements the
// specification does not define there (vendor elements such as isee:...).
const XmileElementRule *xmileElementRule(QStringView parent, QStringView name);

} // namespace meadows
