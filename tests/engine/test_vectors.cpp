// Vensim's vector functions and NPV in Meadows' own equation language (XMILE files, as Meadows
// writes a Vensim model it saves): VECTOR_SORT_ORDER, VECTOR_RANK, VECTOR_ELM_MAP and NPV.
// Each expected value is worked by hand in the comment beside it.
#include "support/inlinemodel.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

namespace {

// D: d1, d2, d3; R: r1, r2; S: s1, s2, s3 (the same size as D, other names); B: b1, b2.
const QString kDimensions = QStringLiteral(
    "<dimensions><dim name=\"D\"><elem name=\"d1\"/><elem name=\"d2\"/><elem name=\"d3\"/></dim>"
    "<dim name=\"R\"><elem name=\"r1\"/><elem name=\"r2\"/></dim>"
    "<dim name=\"S\"><elem name=\"s1\"/><elem name=\"s2\"/><elem name=\"s3\"/></dim>"
    "<dim name=\"B\"><elem name=\"b1\"/><elem name=\"b2\"/></dim></dimensions>");

QString arrayed(const QString &name, const QString &dims, const QString &eqn)
{
    QString dimensions;
    for (const QString &d : dims.split(u','))
        dimensions += QStringLiteral("<dim name=\"%1\"/>").arg(d.trimmed());
    return QStringLiteral("<aux name=\"%1\"><dimensions>%2</dimensions><eqn>%3</eqn></aux>").arg(name, dimensions, eqn.toHtmlEscaped());
}

InlineRun run(const QString &variables, double stop = 1, double dt = 1)
{
    return simulateText(xmile(variables, specs(0, stop, dt), QStringLiteral("Euler"), kDimensions));
}

// Where offset `at` of the XMILE text lies, as LINE:COL (both 1-based).
QString lineColumn(const QByteArray &text, qsizetype at)
{
    const qsizetype lineStart = text.lastIndexOf('\n', at) + 1;
    return QStringLiteral("%1:%2").arg(text.left(at).count('\n') + 1).arg(at - lineStart + 1);
}

} // namespace

class TestVectors : public QObject {
    Q_OBJECT
private slots:
    void sortOrderIsZeroBased();
    void rankIsOneBased();
    void sortAlongTheLastDimension();
    void stellaRankWithSecondarySort();
    void sortOrderFollowsChangingValues();
    void elementMapByOffset();
    void elementMapOutOfRangeIsReportedWhenUsed();
    void vectorSelectOverAStarredDimension();
    void vectorsComputedByAnExpression();
    void npvAtUnitStep();
    void npvAtHalfStep();
    void badArgumentsAreErrorsAtTheirPlace_data();
    void badArgumentsAreErrorsAtTheirPlace();
};

// v = [3, 1, 2]. Ascending, the smallest is v[d2] (position 1), then v[d3] (2), then v[d1]
// (0): VECTOR_SORT_ORDER(v, 1) = [1, 2, 0]. Descending: v[d1] 3 (0), v[d3] 2 (2), v[d2] 1
// (1): [0, 2, 1]. Over S, of the same size (Vensim's so[scompany] form), the same [1, 2, 0].
// VECTOR_REORDER(v, order) is v[order[i]]: with up, [v[d2], v[d3], v[d1]] = [1, 2, 3]; with
// down [3, 2, 1].
void TestVectors::sortOrderIsZeroBased()
{
    const auto r = run(arrayed(QStringLiteral("v"), QStringLiteral("D"), QStringLiteral("3, 1, 2"))
                       + arrayed(QStringLiteral("up"), QStringLiteral("D"), QStringLiteral("VECTOR_SORT_ORDER(v, 1)"))
                       + arrayed(QStringLiteral("down"), QStringLiteral("D"), QStringLiteral("VECTOR_SORT_ORDER(v[*], -1)"))
                       + arrayed(QStringLiteral("other"), QStringLiteral("S"), QStringLiteral("VECTOR_SORT_ORDER(v[D], 1)"))
                       + arrayed(QStringLiteral("rising"), QStringLiteral("D"), QStringLiteral("VECTOR_REORDER(v, up)"))
                       + arrayed(QStringLiteral("falling"), QStringLiteral("S"), QStringLiteral("VECTOR_REORDER(v[D], down[S])")));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    const double up[] = {1, 2, 0}, down[] = {0, 2, 1};
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(r.at(QStringLiteral("up[d%1]").arg(k + 1), 0), up[k]);
        QCOMPARE(r.at(QStringLiteral("down[d%1]").arg(k + 1), 0), down[k]);
        QCOMPARE(r.at(QStringLiteral("other[s%1]").arg(k + 1), 0), up[k]);
        QCOMPARE(r.at(QStringLiteral("rising[d%1]").arg(k + 1), 0), double(k + 1));
        QCOMPARE(r.at(QStringLiteral("falling[s%1]").arg(k + 1), 0), double(3 - k));
    }
}

// v = [3, 1, 2]: ascending ranks [3, 1, 2] (1 is first); descending (direction 0, not above
// 0) [1, 3, 2]. Ties rank by position: w = [5, 5, 1] ascending is 1 (d3), 5 (d1), 5 (d2),
// so ranks [2, 3, 1]. Vensim's manual: revenue 5000, 3000, 8000 ranks 2, 1, 3.
void TestVectors::rankIsOneBased()
{
    const auto r = run(arrayed(QStringLiteral("v"), QStringLiteral("D"), QStringLiteral("3, 1, 2"))
                       + arrayed(QStringLiteral("w"), QStringLiteral("D"), QStringLiteral("5, 5, 1"))
                       + arrayed(QStringLiteral("revenue"), QStringLiteral("D"), QStringLiteral("5000, 3000, 8000"))
                       + arrayed(QStringLiteral("up"), QStringLiteral("D"), QStringLiteral("VECTOR_RANK(v, 1)"))
                       + arrayed(QStringLiteral("down"), QStringLiteral("D"), QStringLiteral("VECTOR_RANK(v, 0)"))
                       + arrayed(QStringLiteral("tied"), QStringLiteral("D"), QStringLiteral("VECTOR_RANK(w, 1)"))
                       + arrayed(QStringLiteral("manual"), QStringLiteral("D"), QStringLiteral("VECTOR_RANK(revenue, 1)")));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    const double up[] = {3, 1, 2}, down[] = {1, 3, 2}, tied[] = {2, 3, 1}, manual[] = {2, 1, 3};
    for (int k = 0; k < 3; ++k) {
        const QString e = QStringLiteral("[d%1]").arg(k + 1);
        QCOMPARE(r.at(QStringLiteral("up") + e, 0), up[k]);
        QCOMPARE(r.at(QStringLiteral("down") + e, 0), down[k]);
        QCOMPARE(r.at(QStringLiteral("tied") + e, 0), tied[k]);
        QCOMPARE(r.at(QStringLiteral("manual") + e, 0), manual[k]);
    }
}

// m[R, D] = 3, 1, 2 / 10, 30, 20: each row sorts on its own (Vensim: "relative to the last
// subscript"). Row r1 ascending [1, 2, 0] as above; row r2: 10 (0), 20 (2), 30 (1): [0, 2, 1];
// its ranks [1, 3, 2].
void TestVectors::sortAlongTheLastDimension()
{
    const auto r = run(arrayed(QStringLiteral("m"), QStringLiteral("R, D"), QStringLiteral("3, 1, 2, 10, 30, 20"))
                       + arrayed(QStringLiteral("order"), QStringLiteral("R, D"), QStringLiteral("VECTOR_SORT_ORDER(m[R, D], 1)"))
                       + arrayed(QStringLiteral("ranks"), QStringLiteral("R, D"), QStringLiteral("VECTOR_RANK(m, 1)")));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    const double r1[] = {1, 2, 0}, r2[] = {0, 2, 1}, ranks2[] = {1, 3, 2};
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(r.at(QStringLiteral("order[r1,d%1]").arg(k + 1), 0), r1[k]);
        QCOMPARE(r.at(QStringLiteral("order[r2,d%1]").arg(k + 1), 0), r2[k]);
        QCOMPARE(r.at(QStringLiteral("ranks[r2,d%1]").arg(k + 1), 0), ranks2[k]);
    }
}

// Stella's RANK(array, n [, secondary sort array]), its documentation's example: A = {6, 2,
// 8, 5} (over Q, 4 elements), RANK(A, 2) = 4, the fourth element being the second smallest.
// Ties: B = {5, 2, 5, 1} ascending is 1 (4th), 2 (2nd), then the two 5s (1st, 3rd); by
// position the 3rd smallest is the 1st element; with T = {9, 0, 3, 0} as the secondary sort
// the 5s go 3rd (T 3) before 1st (T 9), so RANK(B, 3, T) = 3. A secondary array of another
// size (U over D, 3 elements) is not used, as Stella says: RANK(B, 3, U) = 1.
void TestVectors::stellaRankWithSecondarySort()
{
    const QString q = QStringLiteral("<dimensions><dim name=\"Q\" size=\"4\"/><dim name=\"D\" size=\"3\"/></dimensions>");
    const auto r = simulateText(xmile(arrayed(QStringLiteral("A"), QStringLiteral("Q"), QStringLiteral("6, 2, 8, 5"))
                                          + arrayed(QStringLiteral("B"), QStringLiteral("Q"), QStringLiteral("5, 2, 5, 1"))
                                          + arrayed(QStringLiteral("T"), QStringLiteral("Q"), QStringLiteral("9, 0, 3, 0"))
                                          + arrayed(QStringLiteral("U"), QStringLiteral("D"), QStringLiteral("9, 0, 3"))
                                          + aux(QStringLiteral("documented"), QStringLiteral("RANK(A, 2)"))
                                          + aux(QStringLiteral("by position"), QStringLiteral("RANK(B, 3)"))
                                          + aux(QStringLiteral("by secondary"), QStringLiteral("RANK(B[*], 3, T[*])"))
                                          + aux(QStringLiteral("other size"), QStringLiteral("RANK(B, 3, U)")),
                                      specs(0, 1, 1), QStringLiteral("Euler"), q));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("documented"), 0), 4.0);
    QCOMPARE(r.at(QStringLiteral("by position"), 0), 1.0);
    QCOMPARE(r.at(QStringLiteral("by secondary"), 0), 3.0);
    QCOMPARE(r.at(QStringLiteral("other size"), 0), 1.0);

    // RANK(A[Q], 1) in an equation over Q ranks the one element computed: 1 for each,
    // Stella's reading, said as such (Simlin writes Vensim's VECTOR RANK so, meaning 2, 4, 1, 3).
    const auto one = simulateText(xmile(arrayed(QStringLiteral("A"), QStringLiteral("Q"), QStringLiteral("6, 2, 8, 5"))
                                            + arrayed(QStringLiteral("ranks"), QStringLiteral("Q"), QStringLiteral("RANK(A[Q], 1)")),
                                        specs(0, 1, 1), QStringLiteral("Euler"), q));
    QVERIFY2(one.run.results, qPrintable(one.firstError()));
    QCOMPARE(one.at(QStringLiteral("ranks[1]"), 0), 1.0);
    QCOMPARE(one.at(QStringLiteral("ranks[4]"), 0), 1.0);
    const QString said = onlySaid(one, QStringLiteral("RANK of A ranks one element here, the one this equation computes, so its "
                                                      "rank is 1: write A[*] to rank the whole array"));
    QVERIFY2(said.isEmpty(), qPrintable(said));
    // An array of one element, ranked whole in a scalar equation, is no such mistake: nothing said.
    const auto single = simulateText(xmile(arrayed(QStringLiteral("S"), QStringLiteral("One"), QStringLiteral("7"))
                                               + aux(QStringLiteral("first"), QStringLiteral("RANK(S[*], 1)")),
                                           specs(0, 1, 1), QStringLiteral("Euler"),
                                           QStringLiteral("<dimensions><dim name=\"One\" size=\"1\"/></dimensions>")));
    QVERIFY2(single.run.results, qPrintable(single.firstError()));
    QCOMPARE(single.at(QStringLiteral("first"), 0), 1.0);
    QVERIFY2(single.compiled.diagnostics.empty(), qPrintable(formatted(single.compiled.diagnostics).join(u'\n')));
}

// x[D] = D * (1.5 - TIME): at time 0 [1.5, 3, 4.5], ascending order [0, 1, 2]; at time 2
// [-0.5, -1, -1.5], ascending order [2, 1, 0]: the order is computed every step.
void TestVectors::sortOrderFollowsChangingValues()
{
    const auto r = run(arrayed(QStringLiteral("x"), QStringLiteral("D"), QStringLiteral("D * (1.5 - TIME)"))
                       + arrayed(QStringLiteral("order"), QStringLiteral("D"), QStringLiteral("VECTOR_SORT_ORDER(x, 1)")), 2);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(r.at(QStringLiteral("order[d%1]").arg(k + 1), 0), double(k));
        QCOMPARE(r.at(QStringLiteral("order[d%1]").arg(k + 1), 2), double(2 - k));
    }
}

// Vensim's manual: skill[B] = 10, 20, task[D] = 0, 1, 1 (offsets from b1):
// VECTOR_ELM_MAP(skill[b1], task) = [10, 20, 20]. The aging chain, previous[D] =
// IF D = 1 THEN 100 ELSE VECTOR_ELM_MAP(v, -1) with v = [3, 1, 2]: [100, 3, 1] (the offset
// -1 from d1 is outside v, in the branch not taken). Over R x D, m = 3, 1, 2, 10, 30, 20 counted
// whole, last dimension fastest: offset 4 from m[r1, d1] is m[r2, d2] = 30. With an offset
// computed while running, k = TIME, from v[d1]: v[d1 + TIME] = 3 at 0, 1 at 1, 2 at 2.
void TestVectors::elementMapByOffset()
{
    const auto r = run(arrayed(QStringLiteral("skill"), QStringLiteral("B"), QStringLiteral("10, 20"))
                       + arrayed(QStringLiteral("task"), QStringLiteral("D"), QStringLiteral("0, 1, 1"))
                       + arrayed(QStringLiteral("v"), QStringLiteral("D"), QStringLiteral("3, 1, 2"))
                       + arrayed(QStringLiteral("m"), QStringLiteral("R, D"), QStringLiteral("3, 1, 2, 10, 30, 20"))
                       + arrayed(QStringLiteral("mapped"), QStringLiteral("D"), QStringLiteral("VECTOR_ELM_MAP(skill[b1], task)"))
                       + arrayed(QStringLiteral("previous"), QStringLiteral("D"),
                                 QStringLiteral("IF D = 1 THEN 100 ELSE VECTOR_ELM_MAP(v, -1)"))
                       + aux(QStringLiteral("far"), QStringLiteral("VECTOR_ELM_MAP(m[r1, d1], 4)"))
                       + aux(QStringLiteral("moving"), QStringLiteral("VECTOR_ELM_MAP(v[d1], TIME)")), 2);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    const double mapped[] = {10, 20, 20}, previous[] = {100, 3, 1}, moving[] = {3, 1, 2};
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(r.at(QStringLiteral("mapped[d%1]").arg(k + 1), 0), mapped[k]);
        QCOMPARE(r.at(QStringLiteral("previous[d%1]").arg(k + 1), 0), previous[k]);
        QCOMPARE(r.at(QStringLiteral("moving"), k), moving[k]);
    }
    QCOMPARE(r.at(QStringLiteral("far"), 0), 30.0);
    QVERIFY2(!r.run.firstNonFinite, qPrintable(r.run.firstNonFinite ? r.run.firstNonFinite->format() : QString()));
}

// moving = VECTOR_ELM_MAP(v[d1], TIME) over times 0 to 3: at 3 the offset names a fourth
// element v does not have, so NaN, which the run reports with the variable and the time.
// beyond = VECTOR_ELM_MAP(v[d3], 1) is outside at every step: NaN from the start.
void TestVectors::elementMapOutOfRangeIsReportedWhenUsed()
{
    const auto r = run(arrayed(QStringLiteral("v"), QStringLiteral("D"), QStringLiteral("3, 1, 2"))
                       + aux(QStringLiteral("moving"), QStringLiteral("VECTOR_ELM_MAP(v[d1], TIME)")), 3);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("moving"), 2), 2.0);
    QVERIFY(std::isnan(r.at(QStringLiteral("moving"), 3)));
    QVERIFY(r.run.firstNonFinite);
    QVERIFY2(r.run.firstNonFinite->message.startsWith(QStringLiteral("'moving' is NaN at time 3 (a subscript computed")),
             qPrintable(r.run.firstNonFinite->message));
    const auto beyond = run(arrayed(QStringLiteral("v"), QStringLiteral("D"), QStringLiteral("3, 1, 2"))
                            + aux(QStringLiteral("beyond"), QStringLiteral("VECTOR_ELM_MAP(v[d3], 1)")));
    QVERIFY2(beyond.run.results, qPrintable(beyond.firstError()));
    QVERIFY(std::isnan(beyond.at(QStringLiteral("beyond"), 0)));
    QVERIFY(beyond.run.firstNonFinite);
    QVERIFY(beyond.run.firstNonFinite->message.startsWith(QStringLiteral("'beyond' is NaN at time 0")));
}

// NPV(100, 0.1) at DT 1 (Vensim's definition: df from 1, df -= df * 0.1 / (1 + 0.1) each
// step, so df = 1.1^-n; acc += 100 * df; value = acc + 100 * 1 * df):
//   t0: 0 + 100 = 100;  t1: 100 + 100/1.1 = 190.9090...;
//   t2: 190.9090... + 100/1.21 = 273.5537...;  t3: 273.5537... + 100/1.331 = 348.6851...
// i.e. 100 * (1 + 1.1^-1 + ... + 1.1^-n). With initial 10 and factor 2:
// (10 + 100 * (1 + 1/1.1)) * 2 = 401.8181... at t1.
// VECTOR SELECT(sel[R, *], x[R, *], missing, action, 0), as Simlin's XMILE writes it: row r1
// selects d1 and d3 (sel 1, 0, 2) of x = 3, 1, 2; row r2 selects none (0, 0, 0). Row r1 by
// action: 0 the sum of s*x, 1*3 + 2*2 = 7; 1 their product, 3 * 4 = 12; 2 the least s*x, 3; 3
// the greatest, 4; 4 their mean, 7 / 2; 5 the product of x^s, 3^1 * 2^2 = 12; 6 the sum of
// x, 5; 7 their product, 6; 8 the least x, 2; 9 the greatest, 3; 10 their mean, 2.5. Row r2:
// the missing value, -1, whatever the action. The action computed (Time, 0 to 10) picks the
// same values over time.
void TestVectors::vectorSelectOverAStarredDimension()
{
    QString variables = arrayed(QStringLiteral("sel"), QStringLiteral("R, D"), QStringLiteral("1, 0, 2, 0, 0, 0"))
                        + arrayed(QStringLiteral("x"), QStringLiteral("R, D"), QStringLiteral("3, 1, 2, 3, 1, 2"));
    for (int a = 0; a <= 10; ++a)
        variables += arrayed(QStringLiteral("a%1").arg(a), QStringLiteral("R"),
                             QStringLiteral("VECTOR SELECT(sel[R, *], x[R, *], -1, %1, 0)").arg(a));
    variables += arrayed(QStringLiteral("by time"), QStringLiteral("R"), QStringLiteral("VECTOR SELECT(sel[R, *], x[R, *], -1, TIME, 0)"));
    const auto r = run(variables, 10);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    const double expected[] = {7, 12, 3, 4, 3.5, 12, 5, 6, 2, 3, 2.5};
    for (int a = 0; a <= 10; ++a) {
        QCOMPARE(r.at(QStringLiteral("a%1[r1]").arg(a), 0), expected[a]);
        QCOMPARE(r.at(QStringLiteral("a%1[r2]").arg(a), 0), -1.0);
        QCOMPARE(r.at(QStringLiteral("by time[r1]"), a), expected[a]);
    }
}

// A vector computed by an expression over the equation's range (Simlin's XMILE: VECTOR SORT
// ORDER(PREVIOUS(vals[Region]) + base[Region], 1)): v + w with v = 3, 1, 2 and w = 0, 5, 0 is
// 3, 6, 2: ascending order [2, 0, 1], ranks [2, 3, 1]; VECTOR_ELM_MAP(v[D] * 10, 1), one place
// on from each element, is 10, 20 and NaN past the end (d3), which the run reports.
void TestVectors::vectorsComputedByAnExpression()
{
    const auto r = run(arrayed(QStringLiteral("v"), QStringLiteral("D"), QStringLiteral("3, 1, 2"))
                       + arrayed(QStringLiteral("w"), QStringLiteral("D"), QStringLiteral("0, 5, 0"))
                       + arrayed(QStringLiteral("order"), QStringLiteral("D"), QStringLiteral("VECTOR_SORT_ORDER(v[D] + w[D], 1)"))
                       + arrayed(QStringLiteral("ranks"), QStringLiteral("D"), QStringLiteral("VECTOR_RANK(v[D] + w[D], 1)"))
                       + arrayed(QStringLiteral("next"), QStringLiteral("D"), QStringLiteral("VECTOR_ELM_MAP(v[D] * 10, 1)")));
    const double order[] = {2, 0, 1}, ranks[] = {2, 3, 1};
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(r.at(QStringLiteral("order[d%1]").arg(k + 1), 0), order[k]);
        QCOMPARE(r.at(QStringLiteral("ranks[d%1]").arg(k + 1), 0), ranks[k]);
    }
    QCOMPARE(r.at(QStringLiteral("next[d1]"), 0), 10.0);
    QCOMPARE(r.at(QStringLiteral("next[d2]"), 0), 20.0);
    QVERIFY(std::isnan(r.at(QStringLiteral("next[d3]"), 0)));
}

void TestVectors::npvAtUnitStep()
{
    const auto r = run(aux(QStringLiteral("stella"), QStringLiteral("NPV(100, 0.1)"))
                       + aux(QStringLiteral("vensim"), QStringLiteral("NPV(100, 0.1, 10, 2)")), 3);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    double sum = 0;
    for (int n = 0; n <= 3; ++n) {
        sum += 100 * std::pow(1.1, -n);
        QVERIFY2(std::fabs(r.at(QStringLiteral("stella"), n) - sum) < 1e-9,
                 qPrintable(QStringLiteral("t%1: %2, not %3").arg(n).arg(r.at(QStringLiteral("stella"), n), 0, 'g', 17).arg(sum)));
    }
    QVERIFY(std::fabs(r.at(QStringLiteral("stella"), 3) - 348.68519909842225) < 1e-9);
    QVERIFY(std::fabs(r.at(QStringLiteral("vensim"), 1) - (10 + 100 + 100 / 1.1) * 2) < 1e-9);
}

// At DT 0.5 the rate discounts per time unit, compounding each step by 1 + 0.1 * 0.5: df =
// 1.05^-n, and each step adds 100 * 0.5 * df: at time 1 (n = 2), 50 * (1 + 1/1.05 + 1/1.1025)
// = 142.9705215...
void TestVectors::npvAtHalfStep()
{
    const auto r = run(aux(QStringLiteral("value"), QStringLiteral("NPV(100, 0.1)")), 1, 0.5);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QVERIFY2(std::fabs(r.at(QStringLiteral("value"), 1) - 50 * (1 + 1 / 1.05 + 1 / 1.1025)) < 1e-9,
             qPrintable(QString::number(r.at(QStringLiteral("value"), 1), 'g', 17)));
}

// Each bad equation is the only one on its line (after "<eqn>"); the error names its place
// in the file, found in the text as the marker's line and column.
void TestVectors::badArgumentsAreErrorsAtTheirPlace_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("dims");
    QTest::addColumn<QString>("equation");
    QTest::addColumn<QString>("marker");
    QTest::addColumn<QString>("message");
    QTest::newRow("computed, over no range") << "x" << "" << "VECTOR_RANK(3 + 1, 1)" << "VECTOR_RANK"
        << "VECTOR_RANK of a computed vector gives one value per element: use it in an equation over the vector's range";
    QTest::newRow("not an array") << "x" << "D" << "VECTOR_SORT_ORDER(s, 1)" << "s, 1"
                                  << "VECTOR_SORT_ORDER needs an array as its first argument; 's' is not one";
    QTest::newRow("outside its dimension") << "x" << "" << "VECTOR_RANK(v, 1)" << "VECTOR_RANK"
                                           << "VECTOR_RANK gives one value per element of 'D': use it in an equation over 'D'";
    QTest::newRow("more than one vector") << "x" << "D" << "VECTOR_RANK(m[*, D], 1)" << "m[*"
                                          << "VECTOR_RANK needs one vector along 'D'";
    QTest::newRow("arity") << "x" << "D" << "VECTOR_SORT_ORDER(v)" << "VECTOR_SORT_ORDER"
                           << "VECTOR_SORT_ORDER takes 2 argument(s), not 1";
    QTest::newRow("map of a whole array") << "x" << "" << "VECTOR_ELM_MAP(v, 1)" << "v, 1"
                                          << "VECTOR_ELM_MAP needs one element as its first argument; 'v' gives 3";
    QTest::newRow("NPV arity") << "x" << "" << "NPV(1)" << "NPV" << "NPV takes 2 to 4 argument(s), not 1";
}

void TestVectors::badArgumentsAreErrorsAtTheirPlace()
{
    QFETCH(QString, name);
    QFETCH(QString, dims);
    QFETCH(QString, equation);
    QFETCH(QString, marker);
    QFETCH(QString, message);
    const QString bad = dims.isEmpty() ? QStringLiteral("<aux name=\"%1\">\n<eqn>%2</eqn></aux>").arg(name, equation)
                                       : arrayed(name, dims, QStringLiteral("\n") + equation).replace(QStringLiteral("<eqn>\n"),
                                                                                                   QStringLiteral("\n<eqn>"));
    const QByteArray text = xmile(arrayed(QStringLiteral("v"), QStringLiteral("D"), QStringLiteral("3, 1, 2"))
                                      + arrayed(QStringLiteral("m"), QStringLiteral("R, D"), QStringLiteral("1, 2, 3, 4, 5, 6"))
                                      + aux(QStringLiteral("s"), QStringLiteral("5")) + bad,
                                  specs(0, 1, 1), QStringLiteral("Euler"), kDimensions);
    const auto r = simulateText(text);
    QVERIFY(!r.compiled.model);
    const QString first = r.firstError();
    QVERIFY2(first.contains(message), qPrintable(first));
    // The place is the marker's: the argument at fault, or the call.
    const qsizetype markerAt = text.indexOf(marker.toUtf8(), text.indexOf(("<eqn>" + equation).toUtf8()));
    const QString position = QStringLiteral("inline.xmile:%1: error: in '%2").arg(lineColumn(text, markerAt), name);
    QVERIFY2(first.startsWith(position), qPrintable(first + QStringLiteral("\nexpected at ") + position));
}

QTEST_GUILESS_MAIN(TestVectors)
#include "test_vectors.moc"
