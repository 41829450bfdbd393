// The lab dashboard's charts; the tables on the page carry the same numbers (and are what a screen reader reads).
(function () {
    var data = document.getElementById('lab-chart-data');
    if (!data || typeof Chart === 'undefined') { return; }
    var d = data.dataset;
    function list(text) { return text ? text.split('|') : []; }
    function numbers(text) {
        return list(text).map(function (v) { return v === '' || v === 'null' ? null : Number(v); });
    }
    var months = list(d.months);
    function flat(value) { return months.map(function () { return Number(value); }); }
    function reference(label, value, colour) {
        return { type: 'line', label: label, data: flat(value), borderColor: colour, borderDash: [6, 4],
                 pointRadius: 0, fill: false };
    }
    var percentAxis = { y: { beginAtZero: true, ticks: { callback: function (v) { return v + ' %'; } } } };
    function chart(id, config) {
        var canvas = document.getElementById(id);
        if (canvas) { new Chart(canvas, config); }
    }
    chart('lab-contamination-chart', {
        type: 'line',
        data: { labels: months, datasets: [
            { label: d.labelPre, data: numbers(d.pre), borderColor: '#c0392b', spanGaps: true },
            reference(d.labelPreRef, d.preRef, '#e6a198'),
            { label: d.labelPost, data: numbers(d.post), borderColor: '#2d5f73', spanGaps: true },
            reference(d.labelPostRef, d.postRef, '#8fb3c2')
        ] },
        options: { scales: percentAxis }
    });
    chart('lab-dornic-chart', {
        type: 'bar',
        data: { labels: months, datasets: [
            { label: d.labelDornic, data: numbers(d.dornic), backgroundColor: '#ffc107' },
            reference(d.labelDornicRef, d.dornicRef, '#6c4a00')
        ] },
        options: { scales: percentAxis }
    });
    chart('lab-nutrients-chart', {
        type: 'line',
        data: { labels: months, datasets: [
            { label: d.labelKcal, data: numbers(d.kcal), borderColor: '#198754', yAxisID: 'y', spanGaps: true },
            { label: d.labelProtein, data: numbers(d.protein), borderColor: '#6f42c1', yAxisID: 'y1',
              spanGaps: true }
        ] },
        options: { scales: { y: { position: 'left' }, y1: { position: 'right', grid: { drawOnChartArea: false } } } }
    });
    var donors = list(d.donors);
    chart('lab-donor-chart', {
        type: 'bar',
        data: { labels: donors, datasets: [
            { label: d.labelDonor, data: numbers(d.donorRates), backgroundColor: '#c0392b' },
            { type: 'line', label: d.labelPreRef, data: donors.map(function () { return Number(d.preRef); }),
              borderColor: '#e6a198', borderDash: [6, 4], pointRadius: 0 }
        ] },
        options: { indexAxis: 'x', scales: percentAxis }
    });
})();
