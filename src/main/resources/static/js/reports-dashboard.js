// The manager's dashboard: each indicator's last twelve months as bars, its target as a dashed line. The table
// in each card carries the same numbers (and is what a screen reader reads).
(function () {
    if (typeof Chart === 'undefined') { return; }
    function list(text) { return text ? text.split('|') : []; }
    document.querySelectorAll('canvas.omb-trend').forEach(function (canvas) {
        var d = canvas.dataset;
        var months = list(d.months);
        var values = list(d.values).map(function (v) { return v === '' || v === 'null' ? null : Number(v); });
        var datasets = [{
            type: 'bar', label: d.label, data: values,
            backgroundColor: values.map(function (v, i) { return i === values.length - 1 ? '#198754' : '#2d5f73'; })
        }];
        if (d.target !== undefined && d.target !== '') {
            datasets.push({ type: 'line', label: d.labelTarget, data: months.map(function () { return Number(d.target); }),
                            borderColor: '#c0392b', borderDash: [6, 4], pointRadius: 0, fill: false });
        }
        new Chart(canvas, {
            data: { labels: months, datasets: datasets },
            options: { responsive: true, animation: false, plugins: { legend: { display: datasets.length > 1 } },
                       scales: { y: { beginAtZero: true } } }
        });
    });
})();
