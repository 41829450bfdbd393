// The hub's benchmark chart: for a rate a funnel plot (each bank's rate against its denominator, the network's pooled
// rate and its 95 % and 99.8 % control limits), otherwise the banks ranked as bars. The table carries the same numbers.
(function () {
    var canvas = document.getElementById('benchmark-chart');
    if (!canvas || typeof Chart === 'undefined') { return; }
    var c = JSON.parse(canvas.dataset.chart);
    var d = canvas.dataset;
    var chart;
    function colour(b) { return b.outside998 ? '#dc3545' : (b.outside95 ? '#fd7e14' : '#2d5f73'); }
    if (c.rate) {
        var line = function (label, index, colour, dash) {
            return {
                type: 'line', label: label, borderColor: colour, borderDash: dash, borderWidth: 1.5,
                pointRadius: 0, fill: false,
                data: (c.limits || []).map(function (p) { return { x: p[0], y: index < 0 ? c.pooled : p[index] }; })
            };
        };
        chart = new Chart(canvas, {
            type: 'scatter',
            data: {
                datasets: [
                    {
                        label: d.labelBanks,
                        data: c.banks.map(function (b) { return { x: Number(b.n), y: Number(b.value), name: b.name }; }),
                        pointBackgroundColor: c.banks.map(colour), pointRadius: 5
                    },
                    line(d.labelPooled, -1, '#198754', []),
                    line(d.labelL95, 2, '#fd7e14', [6, 4]),
                    line(d.labelL95 + ' ', 1, '#fd7e14', [6, 4]),
                    line(d.labelL998, 4, '#dc3545', [2, 3]),
                    line(d.labelL998 + ' ', 3, '#dc3545', [2, 3])
                ]
            },
            options: {
                maintainAspectRatio: false, animation: false,
                plugins: {
                    legend: { labels: { filter: function (item) { return !/ $/.test(item.text); } } },
                    tooltip: { callbacks: { label: function (ctx) {
                        return (ctx.raw.name ? ctx.raw.name + ': ' : '') + ctx.parsed.y.toFixed(2) + ' % (n ' + ctx.parsed.x + ')';
                    } } }
                },
                scales: {
                    x: { type: 'logarithmic', title: { display: true, text: d.labelX } },
                    y: { beginAtZero: true, title: { display: true, text: d.labelY + ' (%)' } }
                }
            }
        });
    } else {
        chart = new Chart(canvas, {
            type: 'bar',
            data: {
                labels: c.banks.map(function (b) { return b.name; }),
                datasets: [{ label: d.labelY, data: c.banks.map(function (b) { return Number(b.value); }),
                             backgroundColor: '#2d5f73' }]
            },
            options: { maintainAspectRatio: false, animation: false, indexAxis: c.banks.length > 12 ? 'y' : 'x',
                       plugins: { legend: { display: false } } }
        });
    }
    canvas.dataset.drawn = chart ? 'true' : 'false';
})();
