#include "simulation.h"

#include "flatmodel.h"

#include <boost/numeric/odeint/stepper/runge_kutta4.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cmath>

namespace meadows {

int Results::column(const QString &name) const
{
    const QString key = variableKey(name);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (variableKey(names[i]) == key)
            return int(i);
    }
    return -1;
}

std::optional<Method> methodFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n.isEmpty() || n == QLatin1String("euler"))
        return Method::Euler;
    if (n == QLatin1String("rk4") || n == QLatin1String("runge-kutta 4") || n == QLatin1String("runge_kutta_4"))
        return Method::RK4;
    return std::nullopt;
}

namespace {

class Runner {
public:
    Runner(const CompiledModel &model, const RunOptions &options) : m(model)
    {
        start = options.start.value_or(model.specs.start);
        stop = options.stop.value_or(model.specs.stop);
        dt = options.dt.value_or(model.specs.dt);
        saveStep = options.saveStep.value_or(options.dt && !model.specs.saveStep ? dt : model.specs.effectiveSaveStep());
        state.seed = options.seed;
        state.start = start;
        state.dt = dt;
        state.series.resize(model.seriesSlots.size());
        memory = model.memory;
        memory[TimeSlot] = start;
        memory[DtSlot] = dt;
        memory[StartSlot] = start;
        memory[StopSlot] = stop;
    }

    QString check() const
    {
        if (!(dt > 0) || !std::isfinite(dt))
            return QStringLiteral("DT must be a positive number (it is %1)").arg(dt);
        if (!(stop >= start))
            return QStringLiteral("the stop time %1 is before the start time %2").arg(stop).arg(start);
        if (!(saveStep > 0))
            return QStringLiteral("the save step must be positive (it is %1)").arg(saveStep);
        if ((stop - start) / dt > 1e9)
            return QStringLiteral("%1 steps of DT %2 are too many").arg((stop - start) / dt).arg(dt);
        return {};
    }

    // Net flow into each stock from the flows now in memory. A non-negative stock (Stella)
    // cannot lose in one step more than it holds plus what flows in: its outflows are
    // served in the order the stock lists them, each taking what is left, and the flows'
    // values are cut to what they actually moved.
    void netFlows(double *out, double step)
    {
        double *mem = memory.data();
        const std::size_t stocks = m.stockSlots.size();
        for (std::size_t s = 0; s < stocks; ++s) {
            double in = 0, outflow = 0;
            for (std::uint32_t t = m.termBegin[s]; t < m.termBegin[s + 1]; ++t) {
                const double v = mem[m.termSlot[t]];
                if (m.termSign[t] > 0)
                    in += v;
                else
                    outflow += v;
            }
            if (m.stockNonNegative[s] && outflow > 0) {
                double available = std::max(0.0, mem[m.stockSlots[s]] / step + in);
                if (outflow > available) {
                    outflow = 0;
                    for (std::uint32_t t = m.termBegin[s]; t < m.termBegin[s + 1]; ++t) {
                        if (m.termSign[t] > 0)
                            continue;
                        double &flow = mem[m.termSlot[t]];
                        flow = std::clamp(flow, 0.0, available);
                        available -= flow;
                        outflow += flow;
                    }
                }
            }
            out[s] = in - outflow;
        }
    }

    void record()
    {
        for (std::size_t i = 0; i < m.seriesSlots.size(); ++i)
            state.series[i].push_back(memory[m.seriesSlots[i]]);
    }

    void save(Results &r)
    {
        r.data.push_back(memory[TimeSlot]);
        for (const OutputColumn &c : m.outputs)
            r.data.push_back(memory[c.slot]);
    }

    RunResult run(Method method, const std::atomic<bool> *cancel)
    {
        RunResult result;
        result.error = check();
        if (!result.error.isEmpty())
            return result;
        const long long steps = std::llround(std::floor((stop - start) / dt + 1e-9));
        const long long saveEvery = std::max<long long>(1, std::llround(saveStep / dt));
        Results r;
        r.columns = m.outputs.size() + 1;
        r.names.reserve(r.columns);
        r.names.push_back(QStringLiteral("Time"));
        for (const OutputColumn &c : m.outputs)
            r.names.push_back(c.name);
        r.data.reserve(std::size_t(steps / saveEvery + 1) * r.columns);

        double *mem = memory.data();
        const std::size_t stocks = m.stockSlots.size();
        m.execute(m.initial, mem, state);
        std::vector<double> levels(stocks), derivative(stocks);
        for (std::size_t s = 0; s < stocks; ++s)
            levels[s] = mem[m.stockSlots[s]];

        boost::numeric::odeint::runge_kutta4<std::vector<double>> rk4;
        const auto system = [this, mem, stocks](const std::vector<double> &x, std::vector<double> &dxdt, double t) {
            for (std::size_t s = 0; s < stocks; ++s)
                mem[m.stockSlots[s]] = x[s];
            mem[TimeSlot] = t;
            m.execute(m.rates, mem, state);
            netFlows(dxdt.data(), dt);
        };

        for (long long k = 0;; ++k) {
            // Time from the step count, not by accumulation, so that it does not drift.
            const double t = start + double(k) * dt;
            mem[TimeSlot] = t;
            for (std::size_t s = 0; s < stocks; ++s)
                mem[m.stockSlots[s]] = levels[s];
            if (k > 0)
                m.execute(m.rates, mem, state);
            netFlows(derivative.data(), dt);
            record();
            if (k % saveEvery == 0)
                save(r);
            if (k >= steps)
                break;
            if (cancel && (k & 1023) == 0 && cancel->load(std::memory_order_relaxed)) {
                result.error = QStringLiteral("cancelled");
                return result;
            }
            if (method == Method::Euler) {
                for (std::size_t s = 0; s < stocks; ++s)
                    levels[s] += dt * derivative[s];
            } else {
                rk4.do_step(system, levels, t, dt);
            }
        }
        result.results = std::move(r);
        return result;
    }

    const CompiledModel &m;
    double start, stop, dt, saveStep;
    std::vector<double> memory;
    RunState state;
};

void appendNumber(QByteArray &out, double v)
{
    if (std::isnan(v)) {
        out += "NaN";
        return;
    }
    if (std::isinf(v)) {
        out += v > 0 ? "Inf" : "-Inf";
        return;
    }
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end - buf);
}

void appendField(QByteArray &out, const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n')) {
        QByteArray q = utf8;
        q.replace("\"", "\"\"");
        out += '"' + q + '"';
    } else {
        out += utf8;
    }
}

} // namespace

RunResult simulate(const CompiledModel &model, const RunOptions &options, const std::atomic<bool> *cancel)
{
    Runner runner(model, options);
    Method method = Method::Euler;
    if (options.method) {
        method = *options.method;
    } else if (const auto m = methodFromName(model.specs.method)) {
        method = *m;
    }
    return runner.run(method, cancel);
}

// printf's %g rounds an exact tie to even (10.03125 -> 10.0312), as Vensim does.
QByteArray formatTime(double t, int digits)
{
    char buf[40];
    const int n = std::snprintf(buf, sizeof buf, "%.*g", digits, t);
    return QByteArray(buf, n);
}

// Vensim writes times with six significant digits, and reference outputs line up with
// that; Meadows does the same, using more digits only where six would make two rows'
// times look alike. Every other column is written in full.
static int timeDigits(const Results &results)
{
    const std::size_t rows = results.rows();
    for (int digits = 6; digits < 17; ++digits) {
        bool distinct = true;
        QByteArray previous;
        for (std::size_t r = 0; r < rows && distinct; ++r) {
            const QByteArray text = formatTime(results.at(r, 0), digits);
            distinct = text != previous;
            previous = text;
        }
        if (distinct)
            return digits;
    }
    return 17;
}

QByteArray toCsv(const Results &results)
{
    QByteArray out;
    out.reserve(int(results.data.size() * 12 + results.names.size() * 16));
    for (std::size_t c = 0; c < results.names.size(); ++c) {
        if (c)
            out += ',';
        appendField(out, results.names[c]);
    }
    out += '\n';
    const std::size_t rows = results.rows();
    const int digits = timeDigits(results);
    for (std::size_t r = 0; r < rows; ++r) {
        out += formatTime(results.at(r, 0), digits);
        for (std::size_t c = 1; c < results.columns; ++c) {
            out += ',';
            appendNumber(out, results.at(r, c));
        }
        out += '\n';
    }
    return out;
}

} // namespace meadows
