// Kopuro charts: draws every <div class="chart-canvas"> from the JSON
// spec the server rendered in <script type="application/json">. The spec
// is read with textContent and JSON.parse, never evaluated. The same data
// is in the table and the CSV link beside each chart.
(function () {
  'use strict';
  if (!window.echarts) { return; }
  // ECharts ships English and Chinese only; Kyrgyz and Russian are ours.
  var days = {
    KY: ['Жекшемби', 'Дүйшөмбү', 'Шейшемби', 'Шаршемби', 'Бейшемби', 'Жума', 'Ишемби'],
    RU: ['Воскресенье', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота']
  };
  var daysAbbr = {
    KY: ['Жк', 'Дш', 'Шш', 'Шр', 'Бш', 'Жм', 'Иш'],
    RU: ['Вс', 'Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб']
  };
  var months = {
    KY: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
    RU: ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь']
  };
  var monthsAbbr = {
    KY: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
    RU: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек']
  };
  ['KY', 'RU'].forEach(function (l) {
    echarts.registerLocale(l, {
      time: { month: months[l], monthAbbr: monthsAbbr[l], dayOfWeek: days[l], dayOfWeekAbbr: daysAbbr[l] }
    });
  });

  function option(spec) {
    var pct = spec.unit === '%';
    var fmt = function (v) { return v == null ? '–' : (Math.round(v * 10) / 10) + (pct ? ' %' : ''); };
    var series = spec.series.map(function (s) {
      var data = s.data;
      if (spec.time) {
        data = [];
        s.data.forEach(function (v, i) { if (v != null) { data.push([spec.x[i], v]); } });
      }
      return { name: s.name, type: spec.kind, data: data, connectNulls: true, showSymbol: true };
    });
    var opt = {
      animation: false,
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      legend: { show: spec.series.length > 1, type: 'scroll', top: 0 },
      yAxis: { type: 'value', axisLabel: { formatter: pct ? '{value} %' : '{value}' } },
      series: series
    };
    opt.xAxis = spec.time ? { type: 'time' } : { type: 'category', data: spec.x, axisLabel: { interval: 0, rotate: spec.x.length > 4 ? 30 : 0, width: 90, overflow: 'truncate' } };
    return opt;
  }

  var charts = [];
  document.querySelectorAll('.chart-canvas[data-spec]').forEach(function (el) {
    var src = document.getElementById(el.getAttribute('data-spec'));
    if (!src) { return; }
    var spec = JSON.parse(src.textContent);
    var lang = (el.getAttribute('data-lang') || 'en').toUpperCase();
    var c = echarts.init(el, null, { renderer: 'svg', locale: lang });
    c.setOption(option(spec));
    el.setAttribute('data-drawn', 'true');
    charts.push(c);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
