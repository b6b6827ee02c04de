#include "mdlleftside.h"

#include "mdlexpr.h"

namespace meadows::vensim {

namespace {

// A data keyword's reading (the keyword without its colons, in capitals).
std::optional<DataReading> dataReading(const QString &keyword)
{
    if (keyword == QLatin1String("INTERPOLATE"))
        return DataReading::Interpolate;
    if (keyword == QLatin1String("RAW"))
        return DataReading::Raw;
    if (keyword == QLatin1String("HOLD BACKWARD"))
        return DataReading::HoldBackward;
    if (keyword == QLatin1String("LOOK FORWARD"))
        return DataReading::LookForward;
    return std::nullopt;
}

} // namespace

// "name[subs] :EXCEPT: [..], [..] op" at the start of a record.
std::optional<Definition> parseLeftSide(const QString &text, const Record &r, Reporter &report, QStringList *realityChecks)
{
    Definition d;
    d.record = r;
    ExprParser parser(text, r.begin, r.end);
    Lexer &lex = parser.lexer();
    const Token name = lex.next();
    if (name.kind == Tok::Keyword) {
        report.warning(name.offset, QStringLiteral(":%1: is not supported; the equation is left out").arg(name.text));
        return std::nullopt;
    }
    if (name.kind != Tok::Name) {
        report.error(name.offset, QStringLiteral("expected a variable name at the start of the equation"));
        return std::nullopt;
    }
    d.name = name.text;
    d.nameOffset = name.offset;
    if (lex.peek().kind == Tok::LBracket) {
        lex.next();
        auto subs = parser.subscriptList();
        if (!subs) {
            report.error(parser.error->offset, parser.error->message);
            return std::nullopt;
        }
        d.subscripts = std::move(*subs);
    }
    if (lex.peek().kind == Tok::Keyword && lex.peek().text == QLatin1String("EXCEPT")) {
        lex.next();
        for (;;) {
            const Token open = lex.next();
            if (open.kind != Tok::LBracket) {
                report.error(open.offset, QStringLiteral(":EXCEPT: must be followed by subscripts in brackets"));
                return std::nullopt;
            }
            auto subs = parser.subscriptList();
            if (!subs) {
                report.error(parser.error->offset, parser.error->message);
                return std::nullopt;
            }
            d.excepts.push_back(std::move(*subs));
            if (lex.peek().kind != Tok::Comma)
                break;
            lex.next();
        }
    }
    // Data keywords before ":=": how Vensim fills data in between their points.
    while (lex.peek().kind == Tok::Keyword) {
        const Token k = lex.next();
        if (k.text == QLatin1String("THE CONDITION") || k.text == QLatin1String("TEST INPUT")) {
            // A Reality Check ("name :THE CONDITION: ... :IMPLIES: ...", "name :TEST INPUT:
            // ..."): Vensim tests it in a Reality Check run only, so a simulation is the same
            // without it; it is left out, and said.
            report.warning(k.offset, QStringLiteral("the Reality Check '%1' (:%2:) is not checked: Meadows does not run "
                                                    "Reality Checks, and a simulation does not use them")
                                         .arg(d.name, k.text));
            if (realityChecks)
                realityChecks->push_back(d.name);
            return std::nullopt;
        }
        if (const auto reading = dataReading(k.text)) {
            d.reading = *reading;
            d.readingOffset = k.offset;
        } else {
            report.warning(k.offset, QStringLiteral(":%1: is not supported here; it is left out").arg(k.text));
        }
    }
    const Token op = lex.next();
    d.op = op.kind;
    d.rhsBegin = lex.position();
    switch (op.kind) {
    case Tok::Eq: case Tok::EqEq: case Tok::Assign: case Tok::Colon: case Tok::Equiv: case Tok::End:
        break;
    case Tok::LParen:
        d.rhsBegin = op.offset + 1;
        break;
    default:
        report.error(op.offset, QStringLiteral("expected '=', ':', '(' or '~' after '%1'").arg(d.name));
        return std::nullopt;
    }
    // Where the right-hand side's text starts, not the space before it: what points at the
    // equation as a whole points there.
    while (d.rhsBegin < r.end && text[d.rhsBegin].isSpace())
        ++d.rhsBegin;
    if (op.kind == Tok::LParen) {
        ExprParser body(text, d.rhsBegin, r.end);
        d.rhs = body.parseLookupBody(op.offset);
        if (!d.rhs) {
            report.error(body.error->offset, body.error->message);
            return std::nullopt;
        }
    } else if (op.kind == Tok::Eq && QStringView(text).mid(d.rhsBegin, r.end - d.rhsBegin).trimmed().isEmpty()) {
        d.incomplete = true; // "x = ~ units ~ |": Vensim keeps a variable whose equation is not written yet
    } else if (op.kind == Tok::Eq || op.kind == Tok::EqEq || op.kind == Tok::Assign) {
        ExprParser body(text, d.rhsBegin, r.end);
        // Data read with keywords (:INTERPOLATE:, :RAW: ...) after the expression.
        // Searched within this record only: a search to the end of the file for every
        // record made reading quadratic in the file's size.
        qsizetype end = r.end;
        const QStringView record = QStringView(text).mid(d.rhsBegin, r.end - d.rhsBegin);
        for (const char *k : {"INTERPOLATE", "RAW", "HOLD BACKWARD", "LOOK FORWARD"}) {
            const QString keyword = QLatin1Char(':') + QLatin1String(k) + QLatin1Char(':');
            const qsizetype found = record.indexOf(keyword, 0, Qt::CaseInsensitive);
            const qsizetype at = found < 0 ? -1 : d.rhsBegin + found;
            if (at >= 0 && at < end) {
                d.reading = *dataReading(QLatin1String(k));
                d.readingOffset = at;
                end = at;
            }
        }
        ExprParser limited(text, d.rhsBegin, end);
        d.rhs = limited.parseAll();
        if (!d.rhs) {
            report.error(limited.error->offset, limited.error->message);
            return std::nullopt;
        }
        if (d.rhs->kind == Expr::Kind::Call && d.rhs->text.simplified().toUpper() == QLatin1String("A FUNCTION OF"))
            d.incomplete = true; // names the variable's inputs, not how it depends on them

    }
    return d;
}

} // namespace meadows::vensim
