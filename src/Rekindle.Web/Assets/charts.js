// Draws every <canvas data-chart="..."> with Chart.js: the configuration is computed on the server, this file only
// draws it. A config's "rekindle" block asks for what JSON cannot say: yPercent shows the y axis (shares 0..1) and the
// tooltips as percentages.
(function () {
  const percent = (v) => (v * 100).toFixed(Math.abs(v) < 0.1 ? 1 : 0) + "%";
  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const config = JSON.parse(canvas.dataset.chart);
    const extra = config.rekindle || {};
    delete config.rekindle;
    config.options = Object.assign({ responsive: true, maintainAspectRatio: true }, config.options || {});
    if (extra.yPercent) {
      const y = (config.options.scales = config.options.scales || {}).y = config.options.scales.y || {};
      y.ticks = Object.assign({}, y.ticks, { callback: (v) => percent(v) });
      config.options.plugins = Object.assign({}, config.options.plugins, {
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const raw = ctx.raw;
              const text = Array.isArray(raw) ? "[" + percent(raw[0]) + ", " + percent(raw[1]) + "]" : percent(raw);
              return ctx.dataset.label + ": " + text;
            },
          },
        },
      });
    }
    canvas.chart = new Chart(canvas, config);
    canvas.dataset.drawn = "true";
  });
})();
