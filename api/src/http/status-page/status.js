// The caller's status and satisfaction pages: no framework, no cookies, no storage; the ticket number,
// code and satisfaction token come from the URL fragment (never sent to the server in a request line).
const TEXT = {
  'zh-CN': {
    title: '12345 工单查询',
    switch: 'English',
    number: '工单编号',
    code: '查询码',
    lookup: '查询',
    hint: '编号和查询码在您来电登记时告知，也在短信或邮件中。',
    ticket: '工单',
    department: '承办单位',
    created: '登记时间',
    due: '办理时限',
    closed: '办结时间',
    reply: '答复',
    notes: '办理进展',
    photos: '现场照片',
    feedbackTitle: '满意度评价',
    question: '您对办理结果是否满意？',
    SATISFIED: '满意',
    BASICALLY_SATISFIED: '基本满意',
    DISSATISFIED: '不满意',
    comment: '意见（选填）',
    send: '提交评价',
    busy: '请稍候…',
    notFound: '没有找到与该编号和查询码相符的工单，请核对后重试。',
    rateLimited: '查询过于频繁，请 {s} 秒后再试。',
    failed: '暂时无法查询，请稍后再试。',
    linkGone: '该评价链接已使用、已过期或无效。如需评价，请拨打 12345。',
    thanks: '感谢您的评价！',
    reopened: '感谢您的评价。您的诉求已退回承办单位重新办理。',
    RECEIVED: '已受理',
    IN_PROGRESS: '办理中',
    RESOLVED: '已办结，待评价',
    CLOSED: '已办结',
    none: '—',
  },
  en: {
    title: '12345 Ticket status',
    switch: '中文',
    number: 'Ticket number',
    code: 'Lookup code',
    lookup: 'Look up',
    hint: 'You were given the number and code when you called; they are also in our text message or e-mail.',
    ticket: 'Ticket',
    department: 'Department',
    created: 'Registered',
    due: 'Due by',
    closed: 'Closed',
    reply: 'Reply',
    notes: 'Updates',
    photos: 'Photos',
    feedbackTitle: 'How did we do?',
    question: 'Are you satisfied with the outcome?',
    SATISFIED: 'Satisfied',
    BASICALLY_SATISFIED: 'Basically satisfied',
    DISSATISFIED: 'Dissatisfied',
    comment: 'Comment (optional)',
    send: 'Send',
    busy: 'Please wait…',
    notFound: 'No ticket has this number and code. Please check both and try again.',
    rateLimited: 'Too many lookups. Please try again in {s} seconds.',
    failed: 'The lookup failed. Please try again later.',
    linkGone: 'This link was already used, has expired or is not valid. Call 12345 to give feedback.',
    thanks: 'Thank you for your feedback!',
    reopened: 'Thank you. Your case goes back to the department to be handled again.',
    RECEIVED: 'Received',
    IN_PROGRESS: 'In progress',
    RESOLVED: 'Answered, awaiting your feedback',
    CLOSED: 'Closed',
    none: '—',
  },
};

const fragment = new URLSearchParams(location.hash.slice(1));
let language =
  fragment.get('lang') === 'en' || (!fragment.get('lang') && !navigator.language.startsWith('zh'))
    ? 'en'
    : 'zh-CN';
let lastTicket = null;
const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[language][key] ?? key;

function applyLanguage() {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll('[data-t]')) element.textContent = t(element.dataset.t);
  document.title = t(document.body.dataset.page === 'feedback' ? 'feedbackTitle' : 'title');
  if (lastTicket) showTicket(lastTicket);
}

function when(iso) {
  if (!iso) return t('none');
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    // The hotline's time, whatever the phone's zone (deadlines are the city's working days).
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}

function say(text, done = false) {
  const message = $('message');
  message.textContent = text;
  message.className = done ? 'done' : '';
  message.hidden = !text;
}

async function post(path, body) {
  const response = await fetch(`/status/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  const error = answer.errors?.[0]?.extensions;
  return { ok: response.ok, answer, code: error?.code, retryAfter: error?.retryAfter };
}

function failure(result, notFoundKey) {
  if (result.code === 'RATE_LIMITED') return t('rateLimited').replace('{s}', String(result.retryAfter ?? 60));
  if (result.code === 'NOT_FOUND') return t(notFoundKey);
  return t('failed');
}

function showTicket(ticket) {
  lastTicket = ticket;
  $('r-number').textContent = ticket.number;
  const stage = $('r-stage');
  stage.textContent = t(ticket.stage);
  stage.className = `stage ${ticket.stage}`;
  $('r-department').textContent = ticket.department ?? t('none');
  $('r-created').textContent = when(ticket.createdAt);
  $('r-due').textContent = when(ticket.dueAt);
  $('r-due').hidden = $('r-due-label').hidden = !ticket.dueAt;
  $('r-closed').textContent = when(ticket.closedAt);
  $('r-closed').hidden = $('r-closed-label').hidden = !ticket.closedAt;
  const notes = $('r-notes');
  notes.replaceChildren(
    ...ticket.notes.map((note) => {
      const item = document.createElement('li');
      const time = document.createElement('time');
      time.textContent = when(note.at);
      item.append(time, document.createTextNode(note.body));
      return item;
    }),
  );
  $('r-notes-box').hidden = ticket.notes.length === 0;
  // Signed links that expire within minutes: a lookup again gives fresh ones.
  const photos = ticket.photos ?? [];
  $('r-photos').replaceChildren(
    ...photos.map((photo) => {
      const link = document.createElement('a');
      link.href = photo.url;
      link.target = '_blank';
      link.rel = 'noopener';
      const image = document.createElement('img');
      image.src = photo.thumbnailUrl;
      image.alt = photo.fileName;
      image.loading = 'lazy';
      link.append(image);
      return link;
    }),
  );
  $('r-photos-box').hidden = photos.length === 0;
  $('r-reply').textContent = ticket.reply ?? '';
  $('r-reply-box').hidden = !ticket.reply;
  $('result').hidden = false;
}

async function lookup() {
  const submit = $('submit');
  submit.disabled = true;
  say('');
  try {
    const result = await post('lookup', { number: $('number').value, code: $('code').value });
    if (result.ok) showTicket(result.answer.ticket);
    else {
      $('result').hidden = true;
      lastTicket = null;
      say(failure(result, 'notFound'));
    }
  } catch {
    say(t('failed'));
  } finally {
    submit.disabled = false;
  }
}

function startLookup() {
  $('lookup').addEventListener('submit', (event) => {
    event.preventDefault();
    lookup();
  });
  if (fragment.get('n')) $('number').value = fragment.get('n');
  if (fragment.get('c')) $('code').value = fragment.get('c');
  if (fragment.get('n') && fragment.get('c')) lookup();
}

async function startFeedback() {
  const token = fragment.get('t') ?? '';
  const check = await post('feedback/check', { token }).catch(() => ({ ok: false }));
  if (!check.ok) {
    say(failure(check, 'linkGone'));
    return;
  }
  const { link } = check.answer;
  $('f-number').textContent = link.number;
  $('f-reply').textContent = link.reply ?? '';
  $('f-reply-box').hidden = !link.reply;
  const form = $('feedback');
  form.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const satisfaction = new FormData(form).get('satisfaction');
    $('submit').disabled = true;
    const sent = await post('feedback', { token, satisfaction, comment: $('comment').value }).catch(() => ({
      ok: false,
    }));
    if (sent.ok) {
      form.hidden = true;
      say(t(sent.answer.feedback.reopened ? 'reopened' : 'thanks'), true);
    } else {
      $('submit').disabled = false;
      say(failure(sent, 'linkGone'));
    }
  });
}

$('language').addEventListener('click', () => {
  language = language === 'en' ? 'zh-CN' : 'en';
  applyLanguage();
});
applyLanguage();
if (document.body.dataset.page === 'feedback') startFeedback();
else startLookup();
