// The hub's trend of one bank: litres pasteurised, dispensed and in stock per month, the forecast months dashed.
// The table below carries the same numbers (and is what a screen reader reads).
(function () {
    if (typeof Chart === 'undefined') { return; }
    function list(text) { return text ? text.split('|') : []; }
    function numbers(text) {
        return list(text).map(function (v) { return v === '' || v === 'null' ? null : Number(v); });
    }
    document.querySelectorAll('canvas.omb-forecast').forEach(function (canvas) {
        var d = canvas.dataset;
        var known = Number(d.history);
        function line(label, values, colour) {
            return { type: 'line', label: label, data: values, borderColor: colour, backgroundColor: colour,
                     spanGaps: true, fill: false,
                     segment: { borderDash: function (ctx) { return ctx.p1DataIndex >= known ? [6, 4] : undefined; } } };
        }
        new Chart(canvas, {
            data: { labels: list(d.months), datasets: [
                line(d.labelSupply, numbers(d.supply), '#2d5f73'),
                line(d.labelDemand, numbers(d.demand), '#c0392b'),
                line(d.labelStock, numbers(d.stock), '#198754')
            ] },
            options: { responsive: true, animation: false, scales: { y: { beginAtZero: true } } }
        });
    });
})();
