<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>Analysis</name>
    <message>
        <location filename="../analysis_html.py" line="+47"/>
        <source>Item {number}</source>
        <translation>Thành phần {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step {number}</source>
        <translation>Bước {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result {number}</source>
        <translation>Kết quả {number}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Channels</source>
        <translation>Cách thức thực hiện</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Legal basis: {basis}</source>
        <translation>Căn cứ pháp lý: {basis}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This item has no finding.</source>
        <translation>Thành phần này chưa có kết quả rà soát.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data source</source>
        <translation>Nguồn dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued through procedure</source>
        <translation>Là kết quả của thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If the lookup fails</source>
        <translation>Nếu tra cứu thất bại</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Conditions</source>
        <translation>Điều kiện</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>matched “{phrase}”</source>
        <translation>khớp “{phrase}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from the last stored analysis</source>
        <translation>theo kết quả rà soát đã lưu gần nhất</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from an analysis of this procedure alone (not yet stored)</source>
        <translation>từ kết quả chỉ rà soát riêng thủ tục này (chưa lưu)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing in the published text blocks full-process online handling.</source>
        <translation>Nội dung công bố không có trở ngại nào đối với việc thực hiện trực tuyến toàn trình.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} obstacles to full-process online handling:</source>
        <translation>{count} trở ngại đối với việc thực hiện trực tuyến toàn trình:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cost</source>
        <translation>Chi phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Số giờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid out</source>
        <translation>Tiền chi trả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Per dossier (fees included)</source>
        <translation>Mỗi hồ sơ (gồm phí, lệ phí)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per dossier without fees</source>
        <translation>Mỗi hồ sơ (không gồm phí, lệ phí)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossiers per year</source>
        <translation>Số hồ sơ mỗi năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per year</source>
        <translation>Mỗi năm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removable per year (redundant)</source>
        <translation>Có thể cắt giảm mỗi năm (trùng lặp)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removable per year (potentially redundant)</source>
        <translation>Có thể cắt giảm thêm mỗi năm (có thể trùng lặp)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No fee is known: fees count as 0 here, which may be too low.</source>
        <translation>Chưa rõ mức phí, lệ phí: ở đây tính bằng 0, có thể thấp hơn thực tế.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some cost parameters are still the shipped placeholders: set them, with their sources, before quoting these figures.</source>
        <translation>Một số tham số chi phí vẫn là giá trị giữ chỗ mặc định: hãy đặt lại, kèm nguồn số liệu, trước khi sử dụng các con số này.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="+65"/>
        <source>The sample catalog {path} is missing, so there is no sample workspace to open.</source>
        <translation>Không tìm thấy danh mục mẫu {path}, nên không có không gian làm việc mẫu để mở.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>it holds no procedures</source>
        <translation>danh mục không có thủ tục nào</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>The sample workspace could not be created: {reason}</source>
        <translation>Không tạo được không gian làm việc mẫu: {reason}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sample workspace</source>
        <translation>Không gian làm việc mẫu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Some records of the sample catalog were not imported: {first}</source>
        <translation>Một số bản ghi của danh mục mẫu không nhập được: {first}</translation>
    </message>
</context>
<context>
    <name>CatalogAnalysisRunner</name>
    <message>
        <location filename="../analysis_runner.py" line="+48"/>
        <source>Analyse the whole &amp;catalog</source>
        <translation>Rà soát toàn bộ &amp;danh mục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grade every dossier item against the data-source registry and store the findings</source>
        <translation>Đối chiếu mọi thành phần hồ sơ với danh mục nguồn dữ liệu và lưu kết quả rà soát</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;ancel the analysis</source>
        <translation>&amp;Hủy rà soát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analysis progress</source>
        <translation>Tiến độ rà soát</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Analysing the catalog…</source>
        <translation>Đang rà soát danh mục…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling the analysis…</source>
        <translation>Đang hủy rà soát…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Analysed {procedures} procedures: {redundant} items redundant, {potential} potentially redundant, {state} issued by the state.</source>
        <translation>Đã rà soát {procedures} thủ tục: {redundant} thành phần trùng lặp, {potential} có thể trùng lặp, {state} do nhà nước cấp.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Analysis</source>
        <translation>Rà soát</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Analysis cancelled: the stored findings are unchanged.</source>
        <translation>Việc rà soát đã hủy: kết quả rà soát đã lưu không thay đổi.</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../catalog_model.py" line="+52"/>
        <source>Code</source>
        <extracomment>Column -&gt; (header, header tooltip), as source strings translated in the &quot;CatalogModel&quot; context.</extracomment>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure code</source>
        <translation>Mã thủ tục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Tên thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure name</source>
        <translation>Tên thủ tục hành chính</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ministry / agency</source>
        <translation>Bộ, cơ quan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body that issued the procedure, or else the agencies that carry it out</source>
        <translation>Cơ quan ban hành thủ tục, nếu không có thì cơ quan thực hiện</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field of administration</source>
        <translation>Lĩnh vực quản lý</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Levels</source>
        <translation>Cấp thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels of government that carry out the procedure</source>
        <translation>Các cấp chính quyền thực hiện thủ tục</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Full online</source>
        <translation>Toàn trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eligible for full-process online handling (Decree 42/2022); — until the catalog is analysed</source>
        <translation>Đủ điều kiện thực hiện trực tuyến toàn trình (Nghị định 42/2022); — khi danh mục chưa được rà soát</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Findings</source>
        <translation>Kết quả rà soát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items graded redundant · potentially redundant · issued by the state by the last analysis</source>
        <translation>Số thành phần trùng lặp · có thể trùng lặp · do nhà nước cấp theo lần rà soát gần nhất</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Annual cost</source>
        <translation>Chi phí hằng năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliance cost per year, fees included (Circular 02/2017), with the cost parameters</source>
        <translation>Chi phí tuân thủ mỗi năm, gồm phí, lệ phí (Thông tư 02/2017), theo tham số chi phí</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To submit</source>
        <translation>Phải nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of documents to submit</source>
        <translation>Số giấy tờ phải nộp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To show</source>
        <translation>Xuất trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of documents to show</source>
        <translation>Số giấy tờ phải xuất trình</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of notes</source>
        <translation>Số lưu ý</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps</source>
        <translation>Số bước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of steps</source>
        <translation>Số bước thực hiện</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Has redundant items</source>
        <extracomment>The procedure&apos;s code, for any column (what selection hands to ``Workspace.get``). The findings of a row by grade (a dict), or None before analysis: what the findings delegate paints. The overload of layout(AboutToBe)Changed that carries a hint (a plain emit picks the one without arguments).</extracomment>
        <translation>Có thành phần trùng lặp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has potentially redundant items</source>
        <translation>Có thành phần có thể trùng lặp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has items issued by the state</source>
        <translation>Có thành phần do nhà nước cấp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not eligible for full online</source>
        <translation>Chưa đủ điều kiện toàn trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eligible for full online</source>
        <translation>Đủ điều kiện toàn trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redesigned (has a proposal)</source>
        <translation>Đã có phương án đơn giản hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not analysed</source>
        <translation>Chưa rà soát</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Yes</source>
        <extracomment>The figures (cost, online, findings) changed: sort orders and filters that use them must be redone.</extracomment>
        <translation>Có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Not computed yet</source>
        <translation>Chưa tính</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{amount} per year</source>
        <translation>{amount} mỗi năm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not analysed yet: Analysis, Analyse the whole catalog (F5)</source>
        <translation>Chưa rà soát: Rà soát, Rà soát toàn bộ danh mục (F5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Eligible for full-process online handling</source>
        <translation>Đủ điều kiện thực hiện trực tuyến toàn trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} obstacles to full-process online handling</source>
        <translation>{count} trở ngại đối với việc thực hiện trực tuyến toàn trình</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <location filename="../change_dialog.py" line="+57"/>
        <source>Rationale</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Rationale (required):</source>
        <translation>&amp;Lý do (bắt buộc):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Legal basis:</source>
        <translation>Căn cứ &amp;pháp lý:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Data source</source>
        <translation>Nguồn dữ liệu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Data source:</source>
        <translation>&amp;Nguồn dữ liệu:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Channel</source>
        <translation>Cách thức thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All channels</source>
        <translation>Mọi cách thức</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Cách thức:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time limit</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time unit</source>
        <translation>Đơn vị thời gian</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Time limit condition</source>
        <translation>Điều kiện về thời hạn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Time limit:</source>
        <translation>&amp;Thời hạn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ondition:</source>
        <translation>Điề&amp;u kiện:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fee to change</source>
        <translation>Khoản phí cần đổi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount &amp;unknown</source>
        <translation>Chưa &amp;rõ số tiền</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kind of fee</source>
        <translation>Loại phí</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fee note</source>
        <translation>Ghi chú về phí</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Fee:</source>
        <translation>&amp;Khoản phí:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>Loạ&amp;i:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amount:</source>
        <translation>&amp;Số tiền:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add a new fee</source>
        <translation>Thêm khoản phí mới</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Say why this change is made: the rationale is required.</source>
        <translation>Hãy nêu lý do của thay đổi: lý do là bắt buộc.</translation>
    </message>
</context>
<context>
    <name>FindingPanel</name>
    <message>
        <location filename="../analysis_panel.py" line="+123"/>
        <source>Finding details</source>
        <translation>Chi tiết kết quả rà soát</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Point at or select a finding&apos;s badge (Tab, then Enter) to read its explanation and legal basis here.</source>
        <translation>Trỏ chuột vào hoặc chọn nhãn kết quả rà soát của một thành phần hồ sơ (Tab, rồi Enter) để xem giải thích và căn cứ pháp lý tại đây.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+251"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Mở không gian làm việc…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a workspace file</source>
        <translation>Mở một tệp không gian làm việc</translation>
    </message>
    <message>
        <source>Open a &amp;team workspace (PostgreSQL)…</source>
        <translation>Mở không gian làm việc &amp;nhóm (PostgreSQL)…</translation>
    </message>
    <message>
        <source>Open a workspace shared on a PostgreSQL server</source>
        <translation>Mở không gian làm việc dùng chung trên máy chủ PostgreSQL</translation>
    </message>
    <message>
        <source>Open a team workspace</source>
        <translation>Mở không gian làm việc nhóm</translation>
    </message>
    <message>
        <source>Address of the shared workspace, e.g. postgresql://user@server/database
(the password comes from your ~/.pgpass file, never from here)</source>
        <translation>Địa chỉ không gian làm việc dùng chung, ví dụ postgresql://người-dùng@máy-chủ/cơ-sở-dữ-liệu
(mật khẩu lấy từ tệp ~/.pgpass của bạn, không nhập ở đây)</translation>
    </message>
    <message>
        <source>A team workspace address starts with postgresql://, for example postgresql://user@server/db.</source>
        <translation>Địa chỉ không gian làm việc nhóm bắt đầu bằng postgresql://, ví dụ postgresql://người-dùng@máy-chủ/csdl.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear list</source>
        <translation>&amp;Xóa danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find procedure</source>
        <translation>Tìm thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redesign</source>
        <translation>&amp;Phương án</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Analysis</source>
        <translation>&amp;Rà soát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search by code or name (Ctrl+F)</source>
        <translation>Tìm theo mã hoặc tên thủ tục (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search procedures</source>
        <translation>Tìm thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure catalog</source>
        <translation>Danh mục thủ tục</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No workspace is open: use File, Open workspace… to open one.</source>
        <translation>Chưa mở không gian làm việc nào: hãy chọn Tệp, Mở không gian làm việc… để mở.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open workspace</source>
        <translation>Mở không gian làm việc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TTHC workspaces ({patterns});;All files (*)</source>
        <translation>Không gian làm việc TTHC ({patterns});;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot open workspace</source>
        <translation>Không mở được không gian làm việc</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This workspace holds no procedures yet.</source>
        <translation>Không gian làm việc này chưa có thủ tục nào.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{shown} / {total} procedures</source>
        <translation>{shown} / {total} thủ tục</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The translation file for this language is missing.</source>
        <translation>Thiếu tệp bản dịch của ngôn ngữ này.</translation>
    </message>
    <message>
        <source>Cannot read the catalog</source>
        <translation>Không đọc được danh mục</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
</context>
<context>
    <name>ProcedurePane</name>
    <message>
        <location filename="../procedure_pane.py" line="+57"/>
        <source>Published</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redesign</source>
        <translation>Phương án</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The procedure as published, with the analysis of its dossier (Ctrl+1)</source>
        <translation>Thủ tục theo công bố, kèm kết quả rà soát thành phần hồ sơ (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The proposal: the to-be version and its changes (Ctrl+2)</source>
        <translation>Phương án đơn giản hóa: thủ tục sau đơn giản hóa và các thay đổi (Ctrl+2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected procedure</source>
        <translation>Thủ tục đang chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Published procedure</source>
        <translation>&amp;Hồ sơ công bố</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redesign</source>
        <translation>&amp;Phương án</translation>
    </message>
    <message>
        <source>&amp;Diagram</source>
        <translation>&amp;Sơ đồ</translation>
    </message>
    <message>
        <source>&amp;Trainer mode</source>
        <translation>Chế độ &amp;trình chiếu</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>Sơ đồ</translation>
    </message>
    <message>
        <source>Present the proposal full screen, one change at a time (Esc leaves)</source>
        <translation>Trình chiếu phương án toàn màn hình, từng thay đổi một (Esc để thoát)</translation>
    </message>
    <message>
        <source>The flow in swimlanes; as-is and to-be side by side once the proposal changes it (Ctrl+3)</source>
        <translation>Sơ đồ quy trình theo làn; hiện hành và sau đơn giản hóa đặt cạnh nhau khi phương án có thay đổi (Ctrl+3)</translation>
    </message>
    <message>
        <source>Trainer mode presents a proposal: select a procedure and make a change first.</source>
        <translation>Chế độ trình chiếu trình bày một phương án: hãy chọn thủ tục và thực hiện ít nhất một thay đổi trước.</translation>
    </message>
</context>
<context>
    <name>ProcedureView</name>
    <message>
        <location filename="../procedure_view.py" line="+94"/>
        <location line="+13"/>
        <location line="+12"/>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Free</source>
        <translation>Miễn phí</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>None published.</source>
        <translation>Không có thông tin.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>Mã thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels</source>
        <translation>Cấp thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competent authorities</source>
        <translation>Cơ quan có thẩm quyền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Executing agencies</source>
        <translation>Cơ quan thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorised agencies</source>
        <translation>Cơ quan được ủy quyền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinating agencies</source>
        <translation>Cơ quan phối hợp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicants</source>
        <translation>Đối tượng thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where to submit</source>
        <translation>Địa chỉ tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fully online (as declared)</source>
        <translation>Trực tuyến toàn trình (theo công bố)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locally specific</source>
        <translation>Thủ tục đặc thù địa phương</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related procedures</source>
        <translation>Thủ tục liên quan</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Method</source>
        <translation>Hình thức nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time limit</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees and charges</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Who: {actor}</source>
        <translation>Thực hiện: {actor}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Time: {time}</source>
        <translation>Thời gian: {time}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>template: {template}</source>
        <translation>mẫu: {template}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>originals: {originals}, copies: {copies}</source>
        <translation>bản chính: {originals}, bản sao: {copies}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>accepted as: {forms}</source>
        <translation>hình thức: {forms}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>condition: {condition}</source>
        <translation>điều kiện: {condition}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>issued by: {issuer}</source>
        <translation>cơ quan cấp: {issuer}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>code {code}</source>
        <translation>mã {code}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Number</source>
        <translation>Số hiệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Issued by</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Channels, time limits and fees</source>
        <translation>Cách thức thực hiện, thời hạn và phí, lệ phí</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps</source>
        <translation>Trình tự thực hiện</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dossier</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <translation>Kết quả thực hiện</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requirements and conditions</source>
        <translation>Yêu cầu, điều kiện</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Announcement decision</source>
        <translation>Quyết định công bố</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Full-process online eligibility</source>
        <translation>Điều kiện trực tuyến toàn trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliance cost</source>
        <translation>Chi phí tuân thủ</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Procedure details</source>
        <translation>Chi tiết thủ tục</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Select a procedure to see its details.</source>
        <translation>Chọn một thủ tục để xem chi tiết.</translation>
    </message>
</context>
<context>
    <name>Redesign</name>
    <message>
        <location filename="../redesign_models.py" line="+122"/>
        <source>Dossier item</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding</source>
        <translation>Kết quả rà soát</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In person</source>
        <translation>Đến trực tiếp</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+79"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+79"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+130"/>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Rationale</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Documents to submit</source>
        <translation>Giấy tờ phải nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents to show</source>
        <translation>Giấy tờ phải xuất trình</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dossier items removed</source>
        <translation>Thành phần hồ sơ được bỏ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dossier items changed</source>
        <translation>Thành phần hồ sơ được sửa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certified copies</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>Số bước</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps on the longest path</source>
        <translation>Số bước trên đường dài nhất</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In-person visits</source>
        <translation>Số lần đến cơ quan</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Time limit ({unit})</source>
        <translation>Thời hạn giải quyết ({unit})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Obstacles to full-process online</source>
        <translation>Trở ngại trực tuyến toàn trình</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full-process online</source>
        <translation>Trực tuyến toàn trình</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cost per dossier</source>
        <translation>Chi phí mỗi hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual compliance cost</source>
        <translation>Chi phí tuân thủ mỗi năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual fees and charges</source>
        <translation>Phí, lệ phí mỗi năm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Savings rate</source>
        <translation>Tỷ lệ cắt giảm chi phí</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Measure</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As-is</source>
        <translation>Hiện hành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To-be</source>
        <translation>Sau đơn giản hóa</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Items removed</source>
        <translation>Thành phần hồ sơ được bỏ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items changed</source>
        <translation>Thành phần hồ sơ được sửa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Items added</source>
        <translation>Thành phần hồ sơ được thêm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data looked up by the agency</source>
        <translation>Dữ liệu cơ quan tự khai thác</translation>
    </message>
</context>
<context>
    <name>RedesignActions</name>
    <message>
        <location filename="../redesign_actions.py" line="+103"/>
        <source>&amp;Apply suggestions</source>
        <translation>Áp dụng đề xuất của rà s&amp;oát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove item…</source>
        <translation>Bỏ thành phần hồ &amp;sơ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace by a &amp;lookup…</source>
        <translation>Thay bằng &amp;tra cứu dữ liệu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept an &amp;electronic copy…</source>
        <translation>Nhận bản sao đ&amp;iện tử…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop “show the &amp;original”…</source>
        <translation>Bỏ xuất trình bản chính để đối chiế&amp;u…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove &amp;step…</source>
        <translation>Bỏ &amp;bước…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge with the next step…</source>
        <translation>&amp;Gộp với bước sau…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the in-person &amp;visit…</source>
        <translation>Bỏ lần đến &amp;cơ quan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the &amp;time limit…</source>
        <translation>Đổi thời &amp;hạn giải quyết…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change a &amp;fee…</source>
        <translation>Đổi &amp;phí, lệ phí…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make full-process o&amp;nline…</source>
        <translation>Chuyển sang trực tuyế&amp;n toàn trình…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert this &amp;change…</source>
        <translation>Hoàn &amp;lại thay đổi này…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Replace every item the analysis finds redundant by a lookup, and accept electronic copies</source>
        <translation>Thay mọi thành phần hồ sơ mà rà soát xác định là trùng lặp bằng việc tra cứu dữ liệu, và nhận bản sao điện tử</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Undo {change}</source>
        <translation>&amp;Hoàn tác {change}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo {change}</source>
        <translation>&amp;Làm lại {change}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The analysis suggests nothing more for this procedure.</source>
        <translation>Kết quả rà soát không đề xuất thêm thay đổi nào cho thủ tục này.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} suggested changes made.</source>
        <translation>Đã thực hiện {count} thay đổi đề xuất.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Remove a dossier item</source>
        <translation>Bỏ thành phần hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{item}” leaves the dossier: the applicant no longer provides it.</source>
        <translation>“{item}” được bỏ khỏi hồ sơ: người nộp không phải cung cấp nữa.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Replace an item by a lookup</source>
        <translation>Thay thành phần hồ sơ bằng tra cứu dữ liệu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instead of “{item}”, the agency looks the data up itself; if the lookup fails, it asks for the paper and tells the applicant to have the record corrected.</source>
        <translation>Thay cho “{item}”, cơ quan giải quyết tự khai thác dữ liệu; nếu tra cứu thất bại, cơ quan yêu cầu giấy tờ và hướng dẫn người nộp đề nghị điều chỉnh dữ liệu.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Accept an electronic copy</source>
        <translation>Nhận bản sao điện tử</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{item}” may be handed in as an electronic copy instead of a certified paper copy.</source>
        <translation>“{item}” được nộp dưới dạng bản sao điện tử thay cho bản sao chứng thực giấy.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Drop “show the original”</source>
        <translation>Bỏ yêu cầu xuất trình bản chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The applicant no longer brings the original of “{item}” to be checked.</source>
        <translation>Người nộp không phải mang bản chính của “{item}” đến để đối chiếu nữa.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Remove a step</source>
        <translation>Bỏ bước</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The step “{step}” is removed from the procedure.</source>
        <translation>Bước “{step}” được bỏ khỏi thủ tục.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merge two steps</source>
        <translation>Gộp hai bước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The step “{step}” and the one after it become one step.</source>
        <translation>Bước “{step}” và bước sau nó được gộp thành một bước.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove an in-person visit</source>
        <translation>Bỏ lần đến cơ quan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The applicant no longer comes in person for “{step}”: it is done online or by post.</source>
        <translation>Người nộp không phải đến trực tiếp ở bước “{step}”: bước này được thực hiện trực tuyến hoặc qua bưu chính.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Change the time limit</source>
        <translation>Đổi thời hạn giải quyết</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The statutory time limit changes.</source>
        <translation>Thời hạn giải quyết theo quy định được thay đổi.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Change a fee</source>
        <translation>Đổi phí, lệ phí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A fee or charge is changed, or a new one added.</source>
        <translation>Một khoản phí, lệ phí được thay đổi, hoặc thêm khoản mới.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Make the procedure full-process online</source>
        <translation>Chuyển thủ tục sang trực tuyến toàn trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The procedure is offered online from submission to result (Decree 42/2022/NĐ-CP).</source>
        <translation>Thủ tục được cung cấp trực tuyến từ khi nộp hồ sơ đến khi trả kết quả (Nghị định 42/2022/NĐ-CP).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Revert a change</source>
        <translation>Hoàn lại một thay đổi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take back change #{number}: {change}</source>
        <translation>Hoàn lại thay đổi số {number}: {change}</translation>
    </message>
</context>
<context>
    <name>RedesignEditor</name>
    <message>
        <location filename="../redesign_editor.py" line="+206"/>
        <source>To-be &amp;dossier</source>
        <translation>Thành phần hồ sơ &amp;mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To-be ste&amp;ps</source>
        <translation>Các &amp;bước mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As-is and to-be &amp;compared</source>
        <translation>&amp;Hiện hành và sau đơn giản hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History</source>
        <translation>&amp;Lịch sử</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes in effec&amp;t</source>
        <translation>Các thay đổi đang có hiệ&amp;u lực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published version</source>
        <translation>Phiên bản công bố</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redesign tools</source>
        <translation>Công cụ xây dựng phương án</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To-be dossier items</source>
        <translation>Thành phần hồ sơ sau đơn giản hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To-be steps</source>
        <translation>Các bước sau đơn giản hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As-is and to-be comparison</source>
        <translation>So sánh hiện hành và sau đơn giản hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change history</source>
        <translation>Lịch sử thay đổi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes in effect</source>
        <translation>Các thay đổi đang có hiệu lực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the redesign changes</source>
        <translation>Những gì phương án thay đổi</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Select a procedure to redesign it.</source>
        <translation>Chọn một thủ tục để xây dựng phương án đơn giản hóa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proposal “{proposal}” for {code}: {count} changes in effect</source>
        <translation>Phương án “{proposal}” của thủ tục {code}: {count} thay đổi đang có hiệu lực</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The to-be version is still the published one: make a change or apply the suggestions.</source>
        <translation>Phương án vẫn giống thủ tục đã công bố: hãy thực hiện một thay đổi hoặc áp dụng đề xuất của rà soát.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>The change was not saved</source>
        <translation>Thay đổi chưa được lưu</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../workers.py" line="+61"/>
        <source>The operation failed unexpectedly; the details are in the log.</source>
        <translation>Thao tác gặp lỗi ngoài dự kiến; chi tiết được ghi trong nhật ký.</translation>
    </message>
</context>
<context>
    <name>DiagramView</name>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Vừa khung</translation>
    </message>
    <message>
        <source>About the diagram</source>
        <translation>Thông tin về sơ đồ</translation>
    </message>
    <message>
        <source>Click a step or an item to select it; point at it to read its whole text.</source>
        <translation>Bấm vào một bước hoặc một thành phần hồ sơ để chọn; trỏ chuột vào để đọc toàn văn.</translation>
    </message>
    <message>
        <source>Diagram tools</source>
        <translation>Công cụ sơ đồ</translation>
    </message>
    <message>
        <source>Drag or use the arrow keys to move, Ctrl+wheel to zoom; click a step or an item to select it, point at it to read its whole text.</source>
        <translation>Kéo chuột hoặc dùng phím mũi tên để di chuyển, Ctrl+con lăn để phóng to, thu nhỏ; bấm vào một bước hoặc một thành phần hồ sơ để chọn, trỏ chuột vào để đọc toàn văn.</translation>
    </message>
    <message>
        <source>Drawing the diagram…</source>
        <translation>Đang vẽ sơ đồ…</translation>
    </message>
    <message>
        <source>Procedure diagram</source>
        <translation>Sơ đồ quy trình thủ tục</translation>
    </message>
    <message>
        <source>Show the whole diagram (Ctrl+0)</source>
        <translation>Xem toàn bộ sơ đồ (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Thu nhỏ</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++ or Ctrl+wheel)</source>
        <translation>Phóng to (Ctrl++ hoặc Ctrl+con lăn)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+- or Ctrl+wheel)</source>
        <translation>Thu nhỏ (Ctrl+- hoặc Ctrl+con lăn)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>Định &amp;dạng</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Procedures</source>
        <translation>&amp;Thủ tục</translation>
    </message>
    <message>
        <source>&amp;Save to</source>
        <translation>&amp;Lưu vào</translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation>&amp;Phiên bản</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Nội dung</translation>
    </message>
    <message>
        <source>As this proposal redesigns them:</source>
        <translation>Theo phương án đơn giản hóa:</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>Đang hủy việc xuất…</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>Không ghi được {path}: {reason}.</translation>
    </message>
    <message>
        <source>Diagram format</source>
        <translation>Định dạng sơ đồ</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất dữ liệu</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Đã hủy việc xuất: không tệp nào được ghi.</translation>
    </message>
    <message>
        <source>Export kind</source>
        <translation>Loại dữ liệu xuất</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Tiến độ xuất</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Tình trạng xuất</translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation>Xuất ra tệp</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Xuất vào thư mục</translation>
    </message>
    <message>
        <source>Exported {count} procedures to {path}.</source>
        <translation>Đã xuất {count} thủ tục vào {path}.</translation>
    </message>
    <message>
        <source>Exporting {count} procedures…</source>
        <translation>Đang xuất {count} thủ tục…</translation>
    </message>
    <message>
        <source>Proposal name</source>
        <translation>Tên phương án</translation>
    </message>
    <message>
        <source>Say where to save the export.</source>
        <translation>Hãy chọn nơi lưu dữ liệu xuất.</translation>
    </message>
    <message>
        <source>The procedures the catalog shows ({count})</source>
        <translation>Các thủ tục đang hiển thị trong danh mục ({count})</translation>
    </message>
    <message>
        <source>The selected procedure (none)</source>
        <translation>Thủ tục đang chọn (chưa chọn)</translation>
    </message>
    <message>
        <source>The selected procedure ({code})</source>
        <translation>Thủ tục đang chọn ({code})</translation>
    </message>
    <message>
        <source>The whole catalog ({count})</source>
        <translation>Toàn bộ danh mục ({count})</translation>
    </message>
    <message>
        <source>There is no procedure to export.</source>
        <translation>Không có thủ tục nào để xuất.</translation>
    </message>
    <message>
        <source>Where to save</source>
        <translation>Nơi lưu</translation>
    </message>
    <message>
        <source>{suffix} files (*{suffix});;All files (*)</source>
        <translation>Tệp {suffix} (*{suffix});;Tất cả các tệp (*)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Cancelling the import…</source>
        <translation>Đang hủy việc nhập…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>Import cancelled: the workspace was not changed.</source>
        <translation>Đã hủy việc nhập: không gian làm việc không thay đổi.</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Tiến độ nhập</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Báo cáo nhập</translation>
    </message>
    <message>
        <source>Import status</source>
        <translation>Tình trạng nhập</translation>
    </message>
    <message>
        <source>Importing {count} files or folders into {workspace}…</source>
        <translation>Đang nhập {count} tệp hoặc thư mục vào {workspace}…</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Không nhập được</translation>
    </message>
    <message>
        <source>Reading file {done} of {total}…</source>
        <translation>Đang đọc tệp {done}/{total}…</translation>
    </message>
    <message>
        <source>The import is done, but some records could not be read: they are listed below.</source>
        <translation>Đã nhập xong, nhưng một số bản ghi không đọc được: xem danh sách dưới đây.</translation>
    </message>
    <message>
        <source>Nothing was imported: no record could be read. The reasons are listed below.</source>
        <translation>Không nhập được gì: không đọc được bản ghi nào. Lý do ở danh sách dưới đây.</translation>
    </message>
    <message>
        <source>The import is done.</source>
        <translation>Đã nhập xong.</translation>
    </message>
    <message>
        <source>Updated, with the fields that changed</source>
        <translation>Được cập nhật, kèm các trường thay đổi</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>{imported} procedures imported, {updated} updated, {unchanged} unchanged, from {files} files.</source>
        <translation>{imported} thủ tục được nhập mới, {updated} được cập nhật, {unchanged} không đổi, từ {files} tệp.</translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập…</translation>
    </message>
    <message>
        <source>Catalog files (*.json *.xlsx *.csv *.docx);;All files (*)</source>
        <translation>Tệp danh mục (*.json *.xlsx *.csv *.docx);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Export procedures: Word, Excel, diagrams, BPMN, CPSV-AP or JSON</source>
        <translation>Xuất thủ tục: Word, Excel, sơ đồ, BPMN, CPSV-AP hoặc JSON</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>Nhập &amp;thư mục…</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Nhập một thư mục</translation>
    </message>
    <message>
        <source>Import catalog files</source>
        <translation>Nhập tệp danh mục</translation>
    </message>
    <message>
        <source>Import catalog files or folders into this workspace (or drop them on the window)</source>
        <translation>Nhập tệp hoặc thư mục danh mục vào không gian làm việc này (hoặc kéo thả vào cửa sổ)</translation>
    </message>
    <message>
        <source>Import every catalog file in a folder and its subfolders into this workspace</source>
        <translation>Nhập mọi tệp danh mục trong một thư mục và các thư mục con vào không gian làm việc này</translation>
    </message>
</context>
<context>
    <name>TrainerWindow</name>
    <message>
        <source>As published ({total} changes to come)</source>
        <translation>Theo công bố (sắp tới {total} thay đổi)</translation>
    </message>
    <message>
        <source>Change {number} of {total}</source>
        <translation>Thay đổi {number}/{total}</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Căn cứ pháp lý:</translation>
    </message>
    <message>
        <source>Position in the presentation</source>
        <translation>Vị trí trong bài trình chiếu</translation>
    </message>
    <message>
        <source>Preparing the presentation…</source>
        <translation>Đang chuẩn bị bài trình chiếu…</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Savings so far: {saved} of {before} a year ({rate} %).</source>
        <translation>Tiết kiệm đến nay: {saved} trên {before} mỗi năm ({rate} %).</translation>
    </message>
    <message>
        <source>The change and its effect</source>
        <translation>Thay đổi và tác động</translation>
    </message>
    <message>
        <source>The procedure as published</source>
        <translation>Thủ tục theo công bố</translation>
    </message>
    <message>
        <source>This change: {amount} a year less in compliance cost.</source>
        <translation>Thay đổi này: giảm {amount} chi phí tuân thủ mỗi năm.</translation>
    </message>
    <message>
        <source>This change: {amount} a year more in compliance cost.</source>
        <translation>Thay đổi này: tăng {amount} chi phí tuân thủ mỗi năm.</translation>
    </message>
    <message>
        <source>Trainer mode</source>
        <translation>Chế độ trình chiếu</translation>
    </message>
    <message>
        <source>Trainer: {code}</source>
        <translation>Trình chiếu: {code}</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>chưa nêu</translation>
    </message>
    <message>
        <source>{items} items to submit, {visits} visits in person; annual compliance cost {cost}.</source>
        <translation>{items} thành phần hồ sơ phải nộp, {visits} lần đến trực tiếp; chi phí tuân thủ mỗi năm {cost}.</translation>
    </message>
    <message>
        <source>→ or Space: next change   ← : previous   + − 0 : zoom the diagram   Esc: leave</source>
        <translation>→ hoặc phím cách: thay đổi tiếp theo   ← : quay lại   + − 0 : phóng to, thu nhỏ sơ đồ   Esc: thoát</translation>
    </message>
</context>
<context>
    <name>CatalogFactsLoader</name>
    <message>
        <location filename="../catalog_facts.py" line="+209"/>
        <source>Progress of the catalog figures</source>
        <extracomment>Procedures loaded between two checks of &quot;cancelled&quot; while reading the catalog. The grades the catalog&apos;s findings column counts, in its order.</extracomment>
        <translation>Tiến độ tính số liệu danh mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computing costs and online eligibility for the whole catalog…</source>
        <translation>Đang tính chi phí và điều kiện trực tuyến cho toàn bộ danh mục…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The catalog figures could not be computed: {reason}</source>
        <translation>Không tính được số liệu của danh mục: {reason}</translation>
    </message>
</context>
<context>
    <name>CatalogFilterBar</name>
    <message>
        <location filename="../catalog_filters.py" line="+75"/>
        <source>F&amp;ilters:</source>
        <translation>Bộ &amp;lọc:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter by ministry or agency</source>
        <translation>Lọc theo bộ, cơ quan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by level</source>
        <translation>Lọc theo cấp thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by field</source>
        <translation>Lọc theo lĩnh vực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by the data source the findings name</source>
        <translation>Lọc theo nguồn dữ liệu mà kết quả rà soát nêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by status</source>
        <translation>Lọc theo tình trạng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every procedure again (the search stays)</source>
        <translation>Hiện lại mọi thủ tục (giữ nguyên ô tìm kiếm)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the dashboard&apos;s selection</source>
        <translation>Bỏ lựa chọn từ bảng tổng quan</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>All ministries and agencies</source>
        <translation>Mọi bộ, cơ quan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All levels</source>
        <translation>Mọi cấp thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All fields</source>
        <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All data sources</source>
        <translation>Mọi nguồn dữ liệu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any status</source>
        <translation>Mọi tình trạng</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Dashboard: {label} ({count})</source>
        <translation>Tổng quan: {label} ({count})</translation>
    </message>
</context>
<context>
    <name>CatalogOverview</name>
    <message>
        <location filename="../overview.py" line="+67"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Thiết lập…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost parameters, data sources of this workspace, language, recent workspaces (Ctrl+,)</source>
        <translation>Tham số chi phí, nguồn dữ liệu của không gian làm việc, ngôn ngữ, không gian làm việc gần đây (Ctrl+,)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Catalog</source>
        <translation>&amp;Danh mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalog browser (Ctrl+Shift+C)</source>
        <translation>Tra cứu danh mục (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dash&amp;board</source>
        <translation>Tổng &amp;quan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The whole catalog&apos;s findings and savings as charts (Ctrl+Shift+D)</source>
        <translation>Kết quả rà soát và mức tiết kiệm của toàn bộ danh mục dưới dạng biểu đồ (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;fresh the figures</source>
        <translation>Tính &amp;lại số liệu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compute the costs, findings and savings of the whole catalog again, in the background</source>
        <translation>Tính lại chi phí, kết quả rà soát và mức tiết kiệm của toàn bộ danh mục (chạy nền)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lear the filters</source>
        <translation>&amp;Bỏ lọc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catalog</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search, filter and read the procedures (Ctrl+Shift+C)</source>
        <translation>Tìm, lọc và xem thủ tục (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole catalog as charts (Ctrl+Shift+D)</source>
        <translation>Toàn bộ danh mục dưới dạng biểu đồ (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{count} procedures match the dashboard&apos;s selection.</source>
        <translation>{count} thủ tục khớp với lựa chọn trên bảng tổng quan.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cost parameters saved: the costs are being recomputed.</source>
        <translation>Đã lưu tham số chi phí: đang tính lại chi phí.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data sources changed</source>
        <translation>Nguồn dữ liệu đã thay đổi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The stored findings were made with the previous data-source settings. Analyse the whole catalog again now?</source>
        <translation>Kết quả rà soát đã lưu được lập theo thiết lập nguồn dữ liệu trước đây. Rà soát lại toàn bộ danh mục ngay bây giờ?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The findings shown predate the new data-source settings: analyse again with F5.</source>
        <translation>Kết quả rà soát đang hiển thị có trước thiết lập nguồn dữ liệu mới: hãy rà soát lại bằng F5.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../dashboard.py" line="+163"/>
        <source>Dashboard</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dossier items by grade</source>
        <translation>Thành phần hồ sơ theo kết quả rà soát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings per data source</source>
        <translation>Số phát hiện theo nguồn dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents most often demanded (dossiers per year)</source>
        <translation>Giấy tờ bị yêu cầu nhiều nhất (hồ sơ mỗi năm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedures with the most removable burden (per year)</source>
        <translation>Thủ tục có gánh nặng cắt giảm được lớn nhất (mỗi năm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual cost of the redesigned procedures</source>
        <translation>Chi phí hằng năm của các thủ tục có phương án</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Computing the catalog&apos;s figures in the background…</source>
        <translation>Đang tính số liệu của danh mục (chạy nền)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No figures yet: open a workspace.</source>
        <translation>Chưa có số liệu: hãy mở một không gian làm việc.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The catalog has not been analysed yet: the costs are known, the findings not. Analyse the whole catalog (F5) to see them.</source>
        <translation>Danh mục chưa được rà soát: đã có chi phí, chưa có kết quả rà soát. Hãy rà soát toàn bộ danh mục (F5) để xem.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click a bar, or select it and press Enter, to list its procedures in the catalog.</source>
        <translation>Bấm vào một thanh, hoặc chọn rồi nhấn Enter, để xem các thủ tục tương ứng trong danh mục.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to show until the catalog is analysed.</source>
        <translation>Chưa có gì để hiển thị cho đến khi danh mục được rà soát.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No finding names a data source.</source>
        <translation>Không có kết quả rà soát nào nêu nguồn dữ liệu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No removable burden was found.</source>
        <translation>Không tìm thấy gánh nặng nào có thể cắt giảm.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Procedures</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Eligible for full-process online</source>
        <translation>Đủ điều kiện trực tuyến toàn trình</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annual compliance cost</source>
        <translation>Chi phí tuân thủ mỗi năm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removable burden (redundant items), per year</source>
        <translation>Gánh nặng cắt giảm được (thành phần trùng lặp), mỗi năm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Potentially removable, per year</source>
        <translation>Có thể cắt giảm thêm, mỗi năm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Savings if the proposals are applied, per year</source>
        <translation>Tiết kiệm nếu áp dụng các phương án, mỗi năm</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{dossiers} dossiers · {procedures} procedures</source>
        <translation>{dossiers} hồ sơ · {procedures} thủ tục</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{name}: {redundant} redundant, {potential} potentially redundant</source>
        <translation>{name}: {redundant} trùng lặp, {potential} có thể trùng lặp</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No procedure has a proposal yet (Redesign, Apply suggestions).</source>
        <translation>Chưa thủ tục nào có phương án (Phương án, Áp dụng đề xuất của rà soát).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>As published</source>
        <translation>Theo công bố</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>With the proposals</source>
        <translation>Theo phương án</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{procedures} procedures redesigned: {saved} saved per year ({rate}), {items} items removed, {visits} in-person visits fewer.</source>
        <translation>{procedures} thủ tục có phương án: tiết kiệm {saved} mỗi năm ({rate}), bỏ {items} thành phần hồ sơ, giảm {visits} lần đến trực tiếp.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location line="+1"/>
        <source>Value of one hour of the applicant&apos;s time.</source>
        <translation>Giá trị một giờ của người thực hiện thủ tục.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours to fill in one form or declaration.</source>
        <translation>Số giờ điền một mẫu đơn, tờ khai.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours to obtain one document to submit.</source>
        <translation>Số giờ để có được một giấy tờ phải nộp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours to get ready one document to show.</source>
        <translation>Số giờ chuẩn bị một giấy tờ phải xuất trình.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours per in-person visit, travel and waiting.</source>
        <translation>Số giờ đi lại và chờ đợi cho một lần đến cơ quan.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Travel cost of one visit.</source>
        <translation>Chi phí đi lại cho một lần đến cơ quan.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copying cost per page.</source>
        <translation>Chi phí sao chụp một trang.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certification cost per page of a certified copy.</source>
        <translation>Chi phí chứng thực một trang bản sao.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages of a typical document.</source>
        <translation>Số trang bình quân của một giấy tờ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of dossiers that need an item published with a condition (0 to 1).</source>
        <translation>Tỷ lệ hồ sơ cần đến thành phần có điều kiện (từ 0 đến 1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossiers per year of a procedure without a figure of its own.</source>
        <translation>Số hồ sơ mỗi năm của thủ tục chưa có số liệu riêng.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times a subject needs the procedure per year.</source>
        <translation>Số lần một đối tượng thực hiện thủ tục trong năm.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cost parameters</source>
        <translation>&amp;Tham số chi phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Data sources</source>
        <translation>&amp;Nguồn dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interface</source>
        <translation>&amp;Giao diện</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The figures of the compliance cost (Circular 02/2017/TT-VPCP Art. 27), kept in this workspace. The defaults are placeholders: set your own values and say where each comes from.</source>
        <translation>Các số liệu tính chi phí tuân thủ (Điều 27 Thông tư 02/2017/TT-VPCP), lưu trong không gian làm việc này. Giá trị mặc định chỉ là giá trị giữ chỗ: hãy đặt số liệu của đơn vị và ghi nguồn của từng số liệu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parameter</source>
        <translation>Tham số</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source of the figure</source>
        <translation>Nguồn số liệu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Source of: {parameter}</source>
        <translation>Nguồn số liệu: {parameter}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where this figure comes from</source>
        <translation>Số liệu này lấy từ đâu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Procedure-specific volumes kept in this workspace: {count}.</source>
        <translation>Số thủ tục có số hồ sơ riêng trong không gian làm việc này: {count}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An item is redundant when its data source holds the data, has been announced and the agency is connected to it. Tick what applies to this workspace; dates as dd/mm/yyyy.</source>
        <translation>Một thành phần hồ sơ là trùng lặp khi nguồn dữ liệu đã có dữ liệu đó, đã được công bố và cơ quan giải quyết đã kết nối. Đánh dấu những gì đúng với không gian làm việc này; ghi ngày theo dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data source</source>
        <translation>Nguồn dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Cơ quan quản lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Announced</source>
        <translation>Đã công bố</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Announced on</source>
        <translation>Ngày công bố</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data sources of this workspace</source>
        <translation>Nguồn dữ liệu của không gian làm việc này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recent workspaces:</source>
        <translation>Không gian làm việc &amp;gần đây:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear the list</source>
        <translation>&amp;Xóa danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore &amp;defaults</source>
        <translation>&amp;Khôi phục mặc định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the shipped placeholder cost parameters back</source>
        <translation>Đặt lại các tham số chi phí giữ chỗ mặc định</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Placeholder</source>
        <translation>Giá trị giữ chỗ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This figure has no source yet: set your own value and say where it comes from.</source>
        <translation>Số liệu này chưa có nguồn: hãy đặt giá trị của đơn vị và ghi nguồn.</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>{parameter}: “{text}” is not a number.</source>
        <translation>{parameter}: “{text}” không phải là một số.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{parameter} must be between 0 and {limit}.</source>
        <translation>{parameter} phải từ 0 đến {limit}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{parameter} cannot be negative.</source>
        <translation>{parameter} không được âm.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The announcement date of {source}, “{text}”, is not a date: write it as dd/mm/yyyy.</source>
        <translation>Ngày công bố của {source}, “{text}”, không phải là ngày: hãy ghi theo dạng dd/mm/yyyy.</translation>
    </message>
</context>
</TS>
