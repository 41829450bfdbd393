// A run's curve: every probe against the holder temperature, the ceiling and the cooling target, the hold shaded.
// The verdict table beside it carries the same numbers; this only draws them.
(function () {
    function draw() {
        var canvas = document.getElementById('run-curve-chart');
        if (!canvas || canvas.dataset.drawn || typeof Chart === 'undefined') { return; }
        canvas.dataset.drawn = 'true';
        fetch(canvas.dataset.url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (c) {
                if (!c || !c.readings.length) { return; }
                var t0 = Date.parse(c.readings[0].at);
                var minutes = function (at) { return (Date.parse(at) - t0) / 60000; };
                var colours = ['#2d5f73', '#d9480f', '#2b8a3e', '#5f3dc4', '#c2255c', '#1971c2', '#e67700', '#0b7285', '#862e9c', '#495057'];
                var sets = c.probes.map(function (p, i) {
                    return {
                        label: p, borderColor: colours[i % colours.length], borderWidth: 1.5, pointRadius: 0, tension: 0,
                        data: c.readings.filter(function (r) { return r.probe === p; })
                            .map(function (r) { return { x: minutes(r.at), y: Number(r.celsius) }; })
                    };
                });
                var last = minutes(c.readings[c.readings.length - 1].at);
                function line(label, y, colour, dash) {
                    return { label: label, data: [{ x: 0, y: y }, { x: last, y: y }], borderColor: colour,
                        borderDash: dash, borderWidth: 1, pointRadius: 0 };
                }
                var t = c.thresholds;
                if (t.holdTemperatureC != null) { sets.push(line(canvas.dataset.hold, Number(t.holdTemperatureC), '#198754', [6, 3])); }
                if (t.ceilingC != null) { sets.push(line(canvas.dataset.ceiling, Number(t.ceilingC), '#dc3545', [2, 2])); }
                if (t.coolingTargetC != null) { sets.push(line(canvas.dataset.cooling, Number(t.coolingTargetC), '#0d6efd', [6, 3])); }
                if (c.holdFrom && c.holdUntil) {
                    var top = Math.max.apply(null, c.readings.map(function (r) { return Number(r.celsius); })) + 2;
                    sets.push({ label: '', data: [{ x: minutes(c.holdFrom), y: top }, { x: minutes(c.holdUntil), y: top }],
                        fill: 'origin', backgroundColor: 'rgba(25, 135, 84, 0.10)', borderWidth: 0, pointRadius: 0 });
                }
                new Chart(canvas, {
                    type: 'line',
                    data: { datasets: sets },
                    options: {
                        animation: false, parsing: false, maintainAspectRatio: false,
                        scales: { x: { type: 'linear', title: { display: true, text: canvas.dataset.x } }, y: { title: { display: true, text: '°C' } } },
                        plugins: { legend: { labels: { filter: function (item) { return item.text !== ''; } } } }
                    }
                });
            });
    }
    document.addEventListener('DOMContentLoaded', draw);
    document.addEventListener('htmx:afterSettle', draw);
})();
