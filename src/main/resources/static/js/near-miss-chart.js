// Near misses per month, one stacked bar per reason; the table under it carries the same numbers.
(function () {
    var canvas = document.getElementById('near-miss-chart');
    if (!canvas || typeof Chart === 'undefined') { return; }
    var d = canvas.dataset;
    function list(text) { return text ? text.split('|') : []; }
    var colours = ['#b02a37', '#2d5f73', '#ffc107', '#6f42c1', '#198754', '#fd7e14', '#0dcaf0', '#6c757d',
                   '#d63384', '#20c997', '#495057'];
    var datasets = list(d.series).map(function (s, i) {
        var eq = s.lastIndexOf('=');
        return { label: s.substring(0, eq), data: s.substring(eq + 1).split(',').map(Number),
                 backgroundColor: colours[i % colours.length] };
    });
    new Chart(canvas, {
        type: 'bar',
        data: { labels: list(d.months), datasets: datasets },
        options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
})();
