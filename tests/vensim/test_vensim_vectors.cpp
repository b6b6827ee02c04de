// Vensim's VECTOR SORT ORDER, VECTOR RANK, VECTOR ELM MAP, VECTOR LOOKUP, INVERT MATRIX and NPV read from .mdl text, with
// values worked by hand from Vensim's manual, and their misuse reported at line:column.
#include "support/inlinemdl.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using test::MdlRun;

namespace {

// Every model here runs from year 0 to year 4. With `saved`, the model is first written as
// XMILE (Save As) and read back from that.
MdlRun run(const QString &equations, bool saved = false)
{
    return test::runMdl(equations, test::mdlControl(4, QStringLiteral("Year")), saved);
}

} // namespace

class TestVensimVectors : public QObject {
    Q_OBJECT
private slots:
    void sortOrderRankAndElementMap();
    void agingChainWithElementMap();
    void elementMapOutsideTheVariable();
    void notANumberDirectionGivesNoOrder();
    void npvOverTime();
    void vectorLookupModes();
    void vectorLookupChangingOverTime();
    void invertMatrix();
    void invertMatrixChangingOverTime();
    void sumOverThousandsOfElements();
    void refusedArrayFunctionLeavesOtherErrorsSaid();
    void savedAsXmileRunsTheSame();
    void misuseIsReportedAtItsPlace_data();
    void misuseIsReportedAtItsPlace();
};

// Vensim's manual: revenue = 5000, 3000, 8000. Ascending the smallest is c2 (position 1),
// then c1 (0), then c3 (2): so = [1, 0, 2] (0-based), over a range of the same size as
// company. VECTOR RANK gives [2, 1, 3] (1-based). With so as offsets from revenue[c1]: the
// minimum revenue[c1 + 1] = 3000, the median revenue[c1 + 0] = 5000, the maximum
// revenue[c1 + 2] = 8000. Descending (direction -1) the order is c3, c1, c2: [2, 0, 1].
// VECTOR REORDER(revenue[company], so[scompany]) is revenue[so[i]]: [3000, 5000, 8000].
void TestVensimVectors::sortOrderRankAndElementMap()
{
    const MdlRun r = run(QStringLiteral("company: c1, c2, c3 ~~|\n"
                                     "scompany: sort1, sort2, sort3 ~~|\n"
                                     "revenue[company] = 5000, 3000, 8000 ~ $ ~|\n"
                                     "so[scompany] = VECTOR SORT ORDER(revenue[company], 1) ~ Dmnl ~|\n"
                                     "down[company] = VECTOR SORT ORDER(revenue[company], -1) ~ Dmnl ~|\n"
                                     "rank[company] = VECTOR RANK(revenue[company], 1) ~ Dmnl ~|\n"
                                     "min rev = VECTOR ELM MAP(revenue[c1], so[sort1]) ~ $ ~|\n"
                                     "med rev = VECTOR ELM MAP(revenue[c1], so[sort2]) ~ $ ~|\n"
                                     "max rev = VECTOR ELM MAP(revenue[c1], so[sort3]) ~ $ ~|\n"
                                     "sorted rev[scompany] = VECTOR REORDER(revenue[company], so[scompany]) ~ $ ~|\n"));
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QVERIFY2(r.messages.filter(QStringLiteral("VECTOR")).isEmpty(), qPrintable(r.messages.join(u'\n')));
    const double so[] = {1, 0, 2}, down[] = {2, 0, 1}, rank[] = {2, 1, 3}, sorted[] = {3000, 5000, 8000};
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(r.at(QStringLiteral("sorted rev[sort%1]").arg(k + 1), 0), sorted[k]);
        QCOMPARE(r.at(QStringLiteral("so[sort%1]").arg(k + 1), 0), so[k]);
        QCOMPARE(r.at(QStringLiteral("down[c%1]").arg(k + 1), 0), down[k]);
        QCOMPARE(r.at(QStringLiteral("rank[c%1]").arg(k + 1), 0), rank[k]);
    }
    QCOMPARE(r.at(QStringLiteral("min rev"), 4), 3000.0);
    QCOMPARE(r.at(QStringLiteral("med rev"), 4), 5000.0);
    QCOMPARE(r.at(QStringLiteral("max rev"), 4), 8000.0);
}

// The manual's aging chain: outflow[stage] = 10, 20, 30; inflow[stage] = IF THEN ELSE(stage
// = st1, 5, VECTOR ELM MAP(outflow[stage], -1)) = [5, 10, 20]: each stage takes the one before
// it's outflow, the first the outside's 5 (its offset -1, outside outflow, is in the branch
// not taken, so nothing is reported). The manual's task skill: skill[brawn], skill[brain] =
// 10, 20 and task skill = 0, 1, 1: VECTOR ELM MAP(skill[brawn], task skill[task]) = [10, 20, 20].
void TestVensimVectors::agingChainWithElementMap()
{
    const MdlRun r = run(QStringLiteral("stage: (st1-st3) ~~|\n"
                                     "outflow[stage] = 10, 20, 30 ~~|\n"
                                     "inflow[stage] = IF THEN ELSE(stage = st1, 5, VECTOR ELM MAP(outflow[stage], -1)) ~~|\n"
                                     "task: dig, build, test ~~|\n"
                                     "skill: brawn, brain ~~|\n"
                                     "labor skill[skill] = 10, 20 ~~|\n"
                                     "task skill[task] = 0, 1, 1 ~~|\n"
                                     "avg task skill[task] = VECTOR ELM MAP(labor skill[brawn], task skill[task]) ~~|\n"));
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QVERIFY2(!r.run.firstNonFinite, qPrintable(r.run.firstNonFinite ? r.run.firstNonFinite->format() : QString()));
    const double inflow[] = {5, 10, 20};
    for (int k = 0; k < 3; ++k)
        QCOMPARE(r.at(QStringLiteral("inflow[st%1]").arg(k + 1), 2), inflow[k]);
    QCOMPARE(r.at(QStringLiteral("avg task skill[dig]"), 0), 10.0);
    QCOMPARE(r.at(QStringLiteral("avg task skill[build]"), 0), 20.0);
    QCOMPARE(r.at(QStringLiteral("avg task skill[test]"), 0), 20.0);
}

// picked = VECTOR ELM MAP(v[e1], Time) with v = 3, 1, 2 over times 0 to 4: v[e1 + Time] is
// 3, 1, 2 at times 0, 1, 2, and at 3 names a fourth element v does not have: NaN, and the run
// says so at the equation: line 4 (after "{UTF-8}", e and v), where its text starts after
// "picked = ", column 10.
void TestVensimVectors::elementMapOutsideTheVariable()
{
    const MdlRun r = run(QStringLiteral("e: e1, e2, e3 ~~|\n"
                                     "v[e] = 3, 1, 2 ~~|\n"
                                     "picked = VECTOR ELM MAP(v[e1], Time) ~~|\n"));
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("picked"), 2), 2.0);
    QVERIFY(std::isnan(r.at(QStringLiteral("picked"), 3)));
    QVERIFY(r.run.firstNonFinite);
    const QString said = r.run.firstNonFinite->format();
    QVERIFY2(said.startsWith(QStringLiteral("m.mdl:4:10: warning: 'picked' is NaN at time 3 (a subscript computed")), qPrintable(said));
}

// A direction that is not a number names no order: VECTOR RANK and VECTOR SORT ORDER give
// NaN, which the run reports, rather than sorting descending as a direction of 0 would.
// v = 3, 1, 2 ascending (direction 1, up to time 1): ranks 3, 1, 2; sort order 1, 2, 0.
void TestVensimVectors::notANumberDirectionGivesNoOrder()
{
    const MdlRun r = run(QStringLiteral("e: e1, e2, e3 ~~|\n"
                                        "v[e] = 3, 1, 2 ~~|\n"
                                        "dir = IF THEN ELSE(Time >= 2, SQRT(-1), 1) ~~|\n"
                                        "rank[e] = VECTOR RANK(v[e], dir) ~~|\n"
                                        "order[e] = VECTOR SORT ORDER(v[e], dir) ~~|\n"));
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    const double ranks[] = {3, 1, 2}, orders[] = {1, 2, 0};
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(r.at(QStringLiteral("rank[e%1]").arg(k + 1), 1), ranks[k]);
        QCOMPARE(r.at(QStringLiteral("order[e%1]").arg(k + 1), 1), orders[k]);
        QVERIFY(std::isnan(r.at(QStringLiteral("rank[e%1]").arg(k + 1), 2)));
        QVERIFY(std::isnan(r.at(QStringLiteral("order[e%1]").arg(k + 1), 2)));
    }
    QVERIFY2(r.messages.filter(QStringLiteral("is NaN at time 2")).size() >= 1, qPrintable(r.messages.join(u'\n')));
}

// NPV(cash, rate, 0, 1) with cash 100, rate 0.1, TIME STEP 1 (Vensim's manual: df = INTEG(-df
// * rate / (1 + rate * TIME STEP), 1) = 1.1^-n; NPV = (INTEG(cash * df, 0) + cash * TIME STEP
// * df) * 1): 100 * (1 + 1.1^-1 + ... + 1.1^-n): 100, 190.909..., 273.553..., 348.685...,
// 416.986...; with init val 50 and factor 2: (50 + 100 + 100/1.1) * 2 = 481.818... at 1.
void TestVensimVectors::npvOverTime()
{
    const MdlRun r = run(QStringLiteral("cash = 100 ~ $/Year ~|\n"
                                     "rate = 0.1 ~ 1/Year ~|\n"
                                     "value = NPV(cash, rate, 0, 1) ~ $ ~|\n"
                                     "scaled = NPV(cash, rate, 50, 2) ~ $ ~|\n"));
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QVERIFY2(r.messages.filter(QStringLiteral("NPV")).isEmpty(), qPrintable(r.messages.join(u'\n')));
    double sum = 0;
    for (int n = 0; n <= 4; ++n) {
        sum += 100 * std::pow(1.1, -n);
        QVERIFY2(std::fabs(r.at(QStringLiteral("value"), n) - sum) < 1e-9,
                 qPrintable(QStringLiteral("t%1: %2, not %3").arg(n).arg(r.at(QStringLiteral("value"), n), 0, 'g', 17).arg(sum)));
    }
    QVERIFY(std::fabs(r.at(QStringLiteral("value"), 4) - 416.98654463492926) < 1e-9);
    QVERIFY(std::fabs(r.at(QStringLiteral("scaled"), 1) - (50 + 100 + 100 / 1.1) * 2) < 1e-9);
}

// The textbook 3 x 3 matrix [[1, 2, 3], [0, 1, 4], [5, 6, 0]] (determinant 1) has the inverse
// [[-24, 18, 5], [20, -15, -4], [-5, 4, 1]]: its cofactors, transposed. Written over the
// matrix's own ranges, over two other ranges of 3 (the position is the equation's), and
// saved as XMILE and read back. The 2 x 2 [[4, 7], [2, 6]] (determinant 10) inverts to
// [[0.6, -0.7], [-0.2, 0.4]]; a singular one ([[1, 2], [2, 4]]) has no inverse: NaN, said.
void TestVensimVectors::invertMatrix()
{
    const QString model = QStringLiteral("row: r1, r2, r3 ~~|\n"
                                         "col: c1, c2, c3 ~~|\n"
                                         "i: i1, i2, i3 ~~|\n"
                                         "j: j1, j2, j3 ~~|\n"
                                         "a[row, col] = 1, 2, 3; 0, 1, 4; 5, 6, 0; ~~|\n"
                                         "inv[row, col] = INVERT MATRIX(a[row, col], 3) ~~|\n"
                                         "other[i, j] = INVERT MATRIX(a[row, col], ELMCOUNT(row)) ~~|\n"
                                         "two: t1, t2 ~~|\n"
                                         "two b: u1, u2 ~~|\n"
                                         "b[two, two b] = 4, 7; 2, 6; ~~|\n"
                                         "binv[two, two b] = INVERT MATRIX(b[two, two b], 2) ~~|\n"
                                         "s[two, two b] = 1, 2; 2, 4; ~~|\n"
                                         "sinv[two, two b] = INVERT MATRIX(s[two, two b], 2) ~~|\n");
    const double expected[3][3] = {{-24, 18, 5}, {20, -15, -4}, {-5, 4, 1}};
    const double twoByTwo[2][2] = {{0.6, -0.7}, {-0.2, 0.4}};
    for (const bool saved : {false, true}) {
        const MdlRun r = run(model, saved);
        QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
        for (int p = 0; p < 3; ++p) {
            for (int q = 0; q < 3; ++q) {
                const QString at = QStringLiteral("inv[r%1,c%2]").arg(p + 1).arg(q + 1);
                QVERIFY2(std::fabs(r.at(at, 0) - expected[p][q]) < 1e-9, qPrintable(at));
                const QString other = QStringLiteral("other[i%1,j%2]").arg(p + 1).arg(q + 1);
                QVERIFY2(std::fabs(r.at(other, 4) - expected[p][q]) < 1e-9, qPrintable(other));
            }
        }
        for (int p = 0; p < 2; ++p) {
            for (int q = 0; q < 2; ++q) {
                const QString at = QStringLiteral("binv[t%1,u%2]").arg(p + 1).arg(q + 1);
                QVERIFY2(std::fabs(r.at(at, 0) - twoByTwo[p][q]) < 1e-12, qPrintable(at));
                QVERIFY(std::isnan(r.at(QStringLiteral("sinv[t%1,u%2]").arg(p + 1).arg(q + 1), 0)));
            }
        }
        QVERIFY2(r.messages.filter(QStringLiteral("'sinv[t1,u1]' is NaN at time 0")).size() == 1,
                 qPrintable(r.messages.join(u'\n')));
    }
}

// A matrix that changes over time is inverted at each step: [[1, Time], [0, 1]] inverts to
// [[1, -Time], [0, 1]] (an upper unitriangular matrix's inverse negates the corner).
void TestVensimVectors::invertMatrixChangingOverTime()
{
    const MdlRun r = run(QStringLiteral("two: t1, t2 ~~|\n"
                                        "two b: u1, u2 ~~|\n"
                                        "m[t1, u1] = 1 ~~|\nm[t1, u2] = Time ~~|\nm[t2, u1] = 0 ~~|\nm[t2, u2] = 1 ~~|\n"
                                        "minv[two, two b] = INVERT MATRIX(m[two, two b], 2) ~~|\n"));
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    for (int t = 0; t <= 4; ++t) {
        QCOMPARE(r.at(QStringLiteral("minv[t1,u1]"), t), 1.0);
        QCOMPARE(r.at(QStringLiteral("minv[t1,u2]"), t) + 0.0, -double(t) + 0.0);
        QCOMPARE(r.at(QStringLiteral("minv[t2,u1]"), t) + 0.0, 0.0);
        QCOMPARE(r.at(QStringLiteral("minv[t2,u2]"), t), 1.0);
    }
}

// SUM(v[d!]) over 5,000 elements of 2 each is 10,000; its terms are one call, not a chain of
// 4,999 additions (which was refused as too long to parse).
void TestVensimVectors::sumOverThousandsOfElements()
{
    const MdlRun r = run(QStringLiteral("d: (d1-d5000) ~~|\nv[d] = 2 ~~|\ntotal = SUM(v[d!]) ~~|\n"));
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("total"), 0), 10000.0);
}

// 5,000 sums of 5,000 values (25 M) pass the 16 M limit and are refused (at the third
// element, as each reads alike); the variables after it are still checked and their own
// mistakes said (line 6, column 12: 'nosuch').
void TestVensimVectors::refusedArrayFunctionLeavesOtherErrorsSaid()
{
    const MdlRun r = run(QStringLiteral("d: (d1-d5000) ~~|\ne: (e1-e5000) ~~|\nx[e] = 1 ~~|\n"
                                        "y[d] = SUM(x[e!]) ~~|\nq[d] = 2 + nosuch ~~|\n"));
    QVERIFY(!r.run.results);
    QVERIFY2(!r.messages.filter(QStringLiteral("in 'y': the array functions in this model would read more than")).isEmpty(),
             qPrintable(r.messages.join(u'\n')));
    QVERIFY2(r.messages.contains(QStringLiteral("m.mdl:6:12: error: in 'q': unknown name 'nosuch'")),
             qPrintable(r.messages.join(u'\n')));
}

// Saved as XMILE, the equations keep Meadows' names for the functions (VECTOR_SORT_ORDER,
// VECTOR_RANK, VECTOR_ELM_MAP, NPV) and give the numbers worked out above.
void TestVensimVectors::savedAsXmileRunsTheSame()
{
    const MdlRun r = run(QStringLiteral("company: c1, c2, c3 ~~|\n"
                                     "scompany: sort1, sort2, sort3 ~~|\n"
                                     "revenue[company] = 5000, 3000, 8000 ~ $ ~|\n"
                                     "so[scompany] = VECTOR SORT ORDER(revenue[company], 1) ~ Dmnl ~|\n"
                                     "rank[company] = VECTOR RANK(revenue[company], 1) ~ Dmnl ~|\n"
                                     "min rev = VECTOR ELM MAP(revenue[c1], so[sort1]) ~ $ ~|\n"
                                     "value = NPV(100, 0.1, 0, 1) ~ $ ~|\n"),
                      true);
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    const double so[] = {1, 0, 2}, rank[] = {2, 1, 3};
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(r.at(QStringLiteral("so[sort%1]").arg(k + 1), 0), so[k]);
        QCOMPARE(r.at(QStringLiteral("rank[c%1]").arg(k + 1), 0), rank[k]);
    }
    QCOMPARE(r.at(QStringLiteral("min rev"), 0), 3000.0);
    QVERIFY(std::fabs(r.at(QStringLiteral("value"), 1) - (100 + 100 / 1.1)) < 1e-9);
}

// VECTOR LOOKUP(v[p1], x, 0, 2, mode) with v = 0, 10, 40 reads the points (0, 0), (1, 10),
// (2, 40). At x = 1.5: 25 interpolated (mode 0); the area from 0, 5 + (10 + 25) / 2 * 0.5 =
// 13.75 (1); the point before, 10 (2), and after, 40 (4). At x = 3: 40 held (0), 70
// extrapolated along the last segment, slope 30 (3); the area 5 + 25 + 40 = 70 with the end
// held (1), 5 + 25 + 40 + 15 = 85 extended (7). At x = -1: 0 held, -10 extrapolated; the area
// from 0 back to -1 under the extended first segment (10x): 5 (7). Inverted (5), y = 25 is
// x = 1.5 and y = 50 holds x = 2; extended (8), 2 + 10 / 30. A second dimension: m[r2, p] =
// 4, 2, 0 gives 1 at 1.5, the equation's r picking the vector.
void TestVensimVectors::vectorLookupModes()
{
    const QString model = QStringLiteral("p: p1, p2, p3 ~~|\nr: r1, r2 ~~|\nmd: (k1-k5) ~~|\n"
                                         "v[p] = 0, 10, 40 ~~|\n"
                                         "m[r, p] = 0, 10, 40; 4, 2, 0; ~~|\n"
                                         "mid[r] = VECTOR LOOKUP(m[r, p1], 1.5, 0, 2, 0) ~~|\n"
                                         "at[md] = VECTOR LOOKUP(v[p1], 1.5, 0, 2, md - 1) ~~|\n"
                                         "beyond[md] = VECTOR LOOKUP(v[p1], 3, 0, 2, md - 1) ~~|\n"
                                         "before[md] = VECTOR LOOKUP(v[p1], -1, 0, 2, md - 1) ~~|\n"
                                         "beyond extended = VECTOR LOOKUP(v[p1], 3, 0, 2, 7) ~~|\n"
                                         "before extended = VECTOR LOOKUP(v[p1], -1, 0, 2, 7) ~~|\n"
                                         "inverse = VECTOR LOOKUP(v[p1], 25, 0, 2, 5) ~~|\n"
                                         "inverse held = VECTOR LOOKUP(v[p1], 50, 0, 2, 5) ~~|\n"
                                         "inverse extended = VECTOR LOOKUP(v[p1], 50, 0, 2, 8) ~~|\n"
                                         "slope at[md] = VECTOR LOOKUP(v[p1], md - 1, 0, 2, 6) ~~|\n"
                                         "slope extended at[md] = VECTOR LOOKUP(v[p1], md - 2, 0, 2, 9) ~~|\n");
    for (const bool saved : {false, true}) {
        const MdlRun r = run(model, saved);
        QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
        const auto near = [&](const QString &name, double expected) {
            QVERIFY2(std::fabs(r.at(name, 0) - expected) < 1e-12,
                     qPrintable(QStringLiteral("%1 = %2, expected %3").arg(name).arg(r.at(name, 0)).arg(expected)));
        };
        // modes 0 to 4 (k1 to k5), then 7
        const double at[] = {25, 13.75, 10, 25, 40}, beyond[] = {40, 70, 40, 70, 40}, before[] = {0, 0, 0, -10, 0};
        for (int k = 0; k < 5; ++k) {
            near(QStringLiteral("at[k%1]").arg(k + 1), at[k]);
            near(QStringLiteral("beyond[k%1]").arg(k + 1), beyond[k]);
            near(QStringLiteral("before[k%1]").arg(k + 1), before[k]);
        }
        near(QStringLiteral("beyond extended"), 85);
        near(QStringLiteral("before extended"), 5);
        near(QStringLiteral("inverse"), 1.5);
        near(QStringLiteral("inverse held"), 2);
        near(QStringLiteral("inverse extended"), 2 + 10.0 / 30);
        // LOOKUP SLOPE (6) at 0, 1, 2, 3, 4: 5 at the first point (0 before it averaged with
        // the first segment's 10), 20 at 1 ((10 + 30) / 2), 15 at the last ((30 + 0) / 2),
        // 0 beyond; extended (9) at -1, 0, 1, 2, 3: the end segments' slopes beyond the ends,
        // so 10, 10, 20, 30, 30.
        const double slope[] = {5, 20, 15, 0, 0}, extended[] = {10, 10, 20, 30, 30};
        for (int k = 0; k < 5; ++k) {
            near(QStringLiteral("slope at[k%1]").arg(k + 1), slope[k]);
            near(QStringLiteral("slope extended at[k%1]").arg(k + 1), extended[k]);
        }
        near(QStringLiteral("mid[r1]"), 25);
        near(QStringLiteral("mid[r2]"), 1);
    }
}

// The vector is read again at each step: v = 0, Time, 2 Time over 0 to 2 at x = 1.5 is
// 1.5 Time; and the mode may change too: mode = Time reads 25, 13.75, 10, 25, 40 (as above).
// A mode computed while the model runs that is none of Vensim's (10) is NaN, which the run
// reports.
void TestVensimVectors::vectorLookupChangingOverTime()
{
    const MdlRun r = run(QStringLiteral("p: p1, p2, p3 ~~|\n"
                                        "v[p1] = 0 ~~|\nv[p2] = Time ~~|\nv[p3] = 2 * Time ~~|\n"
                                        "w[p] = 0, 10, 40 ~~|\n"
                                        "y = VECTOR LOOKUP(v[p1], 1.5, 0, 2, 0) ~~|\n"
                                        "by mode = VECTOR LOOKUP(w[p1], 1.5, 0, 2, Time) ~~|\n"
                                        "slope = VECTOR LOOKUP(w[p1], 1.5, 0, 2, MAX(10, Time)) ~~|\n"));
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    const double byMode[] = {25, 13.75, 10, 25, 40};
    for (int t = 0; t <= 4; ++t) {
        QCOMPARE(r.at(QStringLiteral("y"), t), 1.5 * t);
        QCOMPARE(r.at(QStringLiteral("by mode"), t), byMode[t]);
        QVERIFY(std::isnan(r.at(QStringLiteral("slope"), t)));
    }
    QVERIFY2(r.messages.filter(QStringLiteral("'slope' is NaN at time 0")).size() == 1, qPrintable(r.messages.join(u'\n')));
}

// Line 2 declares d; line 3 is v; line 4 the equation at fault. Columns counted by hand.
void TestVensimVectors::misuseIsReportedAtItsPlace_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<QString>("expected");
    //          x = VECTOR RANK(v[d], 1): the call at column 5; a scalar equation.
    QTest::newRow("outside its range") << "x = VECTOR RANK(v[d], 1)"
        << "m.mdl:4:5: error: in 'x': VECTOR RANK gives one value per element of 'd': use it in an equation over 'd'";
    //          y[d] = VECTOR SORT ORDER(s, 1): 's' at column 26.
    QTest::newRow("not an array") << "y[d] = VECTOR SORT ORDER(s, 1)"
        << "m.mdl:4:26: error: in 'y': VECTOR SORT ORDER needs an array as its first argument; 's' is not one";
    //          z = VECTOR ELM MAP(v[d], 0): 'v' at column 20, three elements where one is needed.
    QTest::newRow("map of a range") << "z = VECTOR ELM MAP(v[d], 0)"
        << "m.mdl:4:20: error: in 'z': VECTOR ELM MAP needs one element as its first argument; 'v' gives 3";
    //          w = NPV(s, 0.1, 0): Vensim's NPV takes four arguments; the call at column 5.
    //          m[d] = INVERT MATRIX(v[d], 3): 'v' at column 22, one dimension.
    QTest::newRow("inverse of a vector") << "m[d] = INVERT MATRIX(v[d], 3)"
        << "m.mdl:4:22: error: in 'm': INVERT MATRIX needs a matrix (two dimensions) as its first argument; 'v' is not one";
    //          q[d, e] = INVERT MATRIX(sq[d, e], 2): the size at column 35.
    QTest::newRow("wrong size") << "e: e1, e2, e3 ~~|\nsq[d, e] = 1 ~~|\nq[d, e] = INVERT MATRIX(sq[d, e], 2)"
        << "m.mdl:6:35: error: in 'q': INVERT MATRIX's size is 2, but 'sq' is 3 by 3";
    //          l = VECTOR LOOKUP(v[d2], 1, 0, 2, 0): 'v' at column 19, not the first element.
    QTest::newRow("lookup from the middle") << "l = VECTOR LOOKUP(v[d2], 1, 0, 2, 0)"
        << "m.mdl:4:19: error: in 'l': VECTOR LOOKUP reads the whole of 'v' along 'd': name its first element there, d1";
    //          l = VECTOR LOOKUP(v[d1], 1, 0, 2, 10): the mode at column 35.
    QTest::newRow("lookup mode") << "l = VECTOR LOOKUP(v[d1], 1, 0, 2, 10)"
        << "m.mdl:4:35: error: in 'l': VECTOR LOOKUP's mode is a whole number from 0 to 9, not 10";
    QTest::newRow("NPV arity") << "w = NPV(s, 0.1, 0)" << "m.mdl:4:5: error: NPV takes 4 argument(s), not 3";
}

void TestVensimVectors::misuseIsReportedAtItsPlace()
{
    QFETCH(QString, equation);
    QFETCH(QString, expected);
    const MdlRun r = run(QStringLiteral("d: d1, d2, d3 ~~|\nv[d] = 3, 1, 2 ~~|\n") + equation + QStringLiteral(" ~~|\ns = 5 ~~|\n"));
    QVERIFY2(r.messages.contains(expected), qPrintable(r.messages.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestVensimVectors)
#include "test_vensim_vectors.moc"
