#pragma once
// The XMILE reader's internals, shared by xmilereader.cpp (the document, models,
// variables, macros) and xmileviewreader.cpp (diagrams). Not for other users: they call
// readXmile() in xmilereader.h.
#include "xmlreading.h"
#include "xmilereader.h"
#include "project.h"
#include "source.h"
#include "xmlnode.h"
#include "xmilenumbers.h"

#include <QHash>
#include <QXmlStreamReader>
#include <memory>
#include <optional>
#include <vector>

namespace meadows::xmile {

// XMILE's own elements may carry a prefix bound to the XMILE namespace; vendor elements
// (isee:, simlin:) keep theirs and so never match a known name.
inline QString elementName(const QXmlStreamReader &r)
{
    const QStringView q = r.qualifiedName();
    const qsizetype colon = q.indexOf(u':');
    if (colon < 0)
        return q.toString();
    const QStringView prefix = q.left(colon);
    if (prefix == u"xmile" || prefix == u"smile")
        return q.mid(colon + 1).toString();
    return q.toString();
}

// The same for a name as kept in an XmlNode.
inline QString elementNameOf(const QString &qualified)
{
    const qsizetype colon = qualified.indexOf(u':');
    if (colon >= 0 && (qualified.startsWith(QLatin1String("xmile:")) || qualified.startsWith(QLatin1String("smile:"))))
        return qualified.mid(colon + 1);
    return qualified;
}

inline double toNumber(const QString &s, bool *ok = nullptr)
{
    return s.trimmed().toDouble(ok);
}

class Reader {
public:
    Reader(std::shared_ptr<const SourceText> source, std::vector<Diagnostic> &diags)
        : m_source(std::move(source)), m_reader(m_source->text()), m_diags(diags)
    {
        // Stella writes isee: without declaring it; namespace processing would reject that.
        m_reader.setNamespaceProcessing(false);
    }

    std::optional<Project> read(XmileRole role = XmileRole::Main);

private:
    // Splits the reader's attributes into the ones asked for and the rest.
    XmlAttributes attributes(std::initializer_list<QStringView> known, std::vector<QString> *values);
    // Keeps an element Meadows does not read, for saving; warns, with its position, when
    // the XMILE specification gives it an effect on the numbers that Meadows lacks.
    // A stock's <conveyor>, kept for saving; warns about each option Meadows does not implement.
    void readBatchStock(XmlExtras &extras, const QString &tag);
    void keepUnknown(XmlExtras &extras, QStringView parent);
    // Where a variable's (or an array element's) <eqn>, <init_eqn> and <gf> came first; -1 for
    // none yet. Three offsets, not a hash: it is made for every variable read.
    struct FirstWritten {
        qsizetype eqn = -1, initEqn = -1, gf = -1;
    };
    // Warns when `tag` (<eqn>, <init_eqn>, <gf>) comes a second time in `variable` (its element
    // `subscript`, when given).
    void warnIfRepeated(FirstWritten &seen, const QString &tag, const QString &variable, const QString *subscript = nullptr);
    // <behavior>: the defaults of <non_negative> for stocks and flows. Kept for saving too.
    void readBehavior(XmlExtras &extras);
    QString text() { return readElementTextFlat(m_reader); }
    QString equationText(SourceRef *ref);
    bool nextChild(); // advances to the next child StartElement of the current element

    void readHeader(Project &p);
    void readSimSpecs(SimSpecs &s);
    void readUnits(Project &p);
    void readDimensions(Project &p);
    void readModel(Model &m);
    void readVariables(Model &m);
    bool readVariable(Variable &v, const QString &tag);
    GraphicalFunction readGraphicalFunction();
    ArrayElement readArrayElement(const QString &variable);
    void readViews(Model &m);
    View readView();
    ViewElement readViewElement(const QString &tag);
    ConnectorEnd readConnectorEnd();
    std::vector<ViewPoint> readPoints();
    Macro readMacro();

    void errorAt(qsizetype offset, const QString &message)
    {
        m_diags.push_back({Severity::Error, m_source->fileName(), m_source->position(offset), message});
    }
    void warnAt(qsizetype offset, const QString &message)
    {
        m_diags.push_back({Severity::Warning, m_source->fileName(), m_source->position(offset), message});
    }
    // Where the element just started begins: its '<', as an editor shows it.
    qsizetype startTagOffset() const
    {
        const qsizetype end = m_reader.characterOffset();
        const qsizetype open = m_source->text().lastIndexOf(u'<', end > 0 ? end - 1 : 0);
        return open >= 0 ? open : end;
    }
    // The text of a sim-spec element as a number; text that is not one is an error.
    double specNumber(const QString &tag, double fallback, SourcePos *place);

    // The stream reader stopped: malformed or truncated XML, or no element at all.
    std::nullopt_t fail()
    {
        SourcePos pos{int(m_reader.lineNumber()), int(m_reader.columnNumber()) + 1};
        QString what = m_reader.errorString();
        qsizetype bad = 0; // a control character just read: Qt says only "Unexpected ''"
        const qsizetype near = std::max<qsizetype>(0, m_reader.characterOffset() - 1);
        if (const QString why = controlCharacterProblem(m_source->text().mid(near, 2), &bad); !why.isEmpty()) {
            pos = m_source->position(near + bad);
            what = why;
        }
        if (m_source->text().trimmed().isEmpty())
            what = QStringLiteral("the file is empty, not XMILE");
        else if (m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError)
            what = QStringLiteral("the file ends early (truncated?): %1").arg(m_reader.errorString());
        else if (!m_reader.hasError())
            what = QStringLiteral("no XML element found: not an XMILE file");
        m_diags.push_back({Severity::Error, m_source->fileName(), pos, what});
        return std::nullopt;
    }

    // The non-negative default from <behavior> (the file's, then the model's).
    struct NonNegativeDefaults {
        bool stocks = false;
        bool flows = false;
    };
    NonNegativeDefaults m_nonNegative;

    std::shared_ptr<const SourceText> m_source;
    QXmlStreamReader m_reader;
    std::vector<Diagnostic> &m_diags;
};

} // namespace meadows::xmile
